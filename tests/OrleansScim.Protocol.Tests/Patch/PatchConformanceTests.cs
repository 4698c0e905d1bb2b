using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>
/// Runs the PATCH tables: each case names the RFC 7644 section or Azure AD behaviour it checks. Valid
/// requests and plain errors give the same answer under both input policies; the strict-only table holds
/// what the two policies answer differently.
/// </summary>
public sealed class PatchConformanceTests
{
    public static TheoryData<string, string, string, string, string> CoreAttributes => PatchCoreAttributeCases.Cases;

    public static TheoryData<string, string, string, string, string> MultiValued => PatchMultiValuedCases.Cases;

    public static TheoryData<string, string, string, string, string> Extensions => PatchExtensionCases.Cases;

    public static TheoryData<string, string, string, string, string> AzureAd => PatchAzureAdCases.Cases;

    public static TheoryData<string, string, string, string, string> Groups => PatchGroupCases.Cases;

    public static TheoryData<string, string, string, string, int, string> Errors => PatchErrorCases.Cases;

    public static TheoryData<string, string, string, string, int, string, string> StrictOnlyErrors => PatchErrorCases.StrictOnlyCases;

    [Theory]
    [MemberData(nameof(CoreAttributes))]
    [MemberData(nameof(MultiValued))]
    [MemberData(nameof(Extensions))]
    [MemberData(nameof(AzureAd))]
    [MemberData(nameof(Groups))]
    public void Apply_ProducesTheExpectedAttributes(string rule, string type, string before, string operations, string expected)
    {
        foreach (var rules in new[] { InputRules.Strict(), InputRules.Tolerant() })
        {
            var input = Json(before);

            var result = PatchEngine.Apply(input, PatchBody(operations), TypeOf(type), rules);

            AssertJson(expected, result, $"{rule} ({rules.Policy})");
            AssertJson(before, input, $"{rule} ({rules.Policy}, the input must not change)");
            Assert.Empty(rules.IgnoredNames);
        }
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Apply_FailsWithTheScimErrorAndChangesNothing(string rule, string type, string before, string operations, int status, string scimType)
    {
        foreach (var rules in new[] { InputRules.Strict(), InputRules.Tolerant() })
        {
            var input = Json(before);

            AssertScimError(() => PatchEngine.Apply(input, PatchBody(operations), TypeOf(type), rules), status, scimType, $"{rule} ({rules.Policy})");

            AssertJson(before, input, $"{rule} ({rules.Policy}, the input must not change)");
        }
    }

    [Theory]
    [MemberData(nameof(StrictOnlyErrors))]
    public void Apply_Strict_FailsWithTheScimErrorAndChangesNothing(string rule, string type, string before, string operations, int status, string scimType, string tolerantResult)
    {
        _ = tolerantResult;
        var input = Json(before);

        AssertScimError(() => PatchEngine.Apply(input, PatchBody(operations), TypeOf(type), InputRules.Strict()), status, scimType, rule);

        AssertJson(before, input, rule + " (the input must not change)");
    }

    [Theory]
    [MemberData(nameof(StrictOnlyErrors))]
    public void Apply_Tolerant_IgnoresWhatNoSchemaDefines(string rule, string type, string before, string operations, int status, string scimType, string tolerantResult)
    {
        _ = (status, scimType);
        var rules = InputRules.Tolerant();

        var result = PatchEngine.Apply(Json(before), PatchBody(operations), TypeOf(type), rules);

        AssertJson(tolerantResult, result, rule + " (tolerant: ignored, the rest applied)");
        Assert.NotEmpty(rules.IgnoredNames);
    }
}
