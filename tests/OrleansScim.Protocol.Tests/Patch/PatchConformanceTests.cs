using OrleansScim.Protocol.Patch;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>Runs the PATCH tables: each case names the RFC 7644 section or Azure AD behaviour it checks.</summary>
public sealed class PatchConformanceTests
{
    public static TheoryData<string, string, string, string, string> CoreAttributes => PatchCoreAttributeCases.Cases;

    public static TheoryData<string, string, string, string, string> MultiValued => PatchMultiValuedCases.Cases;

    public static TheoryData<string, string, string, string, string> Extensions => PatchExtensionCases.Cases;

    public static TheoryData<string, string, string, string, string> AzureAd => PatchAzureAdCases.Cases;

    public static TheoryData<string, string, string, string, string> Groups => PatchGroupCases.Cases;

    public static TheoryData<string, string, string, string, int, string> Errors => PatchErrorCases.Cases;

    [Theory]
    [MemberData(nameof(CoreAttributes))]
    [MemberData(nameof(MultiValued))]
    [MemberData(nameof(Extensions))]
    [MemberData(nameof(AzureAd))]
    [MemberData(nameof(Groups))]
    public void Apply_ProducesTheExpectedAttributes(string rule, string type, string before, string operations, string expected)
    {
        var input = Json(before);

        var result = PatchEngine.Apply(input, PatchBody(operations), TypeOf(type), rejectUndeclared: false);

        AssertJson(expected, result, rule);
        AssertJson(before, input, rule + " (the input must not change)");
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Apply_FailsWithTheScimErrorAndChangesNothing(string rule, string type, string before, string operations, int status, string scimType)
    {
        var input = Json(before);

        AssertScimError(() => PatchEngine.Apply(input, PatchBody(operations), TypeOf(type), rejectUndeclared: false), status, scimType, rule);

        AssertJson(before, input, rule + " (the input must not change)");
    }
}
