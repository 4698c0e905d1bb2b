using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>The <c>pr</c> test of one value.</summary>
internal sealed class PresenceValueTest : IValueTest
{
    public static PresenceValueTest Instance { get; } = new();

    public bool Test(JsonNode value) => JsonScalar.IsPresent(value);
}
