using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Patch;

/// <summary>One operation on one attribute, after path-less operations were split per attribute.</summary>
public sealed record PatchStep(PatchOperationType Op, PatchTarget Target, JsonNode? Value);
