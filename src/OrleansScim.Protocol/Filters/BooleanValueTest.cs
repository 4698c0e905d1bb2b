using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>eq on booleans; a stored "True"/"False" string counts as the boolean it spells.</summary>
internal sealed class BooleanValueTest(bool literal) : IValueTest
{
    public bool Test(JsonNode value) => JsonScalar.TryGetBoolean(value, out var stored) && stored == literal;
}
