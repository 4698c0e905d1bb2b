using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Patch;

/// <summary>One entry of a PatchOp's "Operations" as the client sent it.</summary>
public sealed record PatchOperation(PatchOperationType Op, string? Path, JsonNode? Value);
