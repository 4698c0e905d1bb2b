using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Tests;

/// <summary>
/// Index keys are stored (every lookup and uniqueness claim is a record under its key): the same value must
/// give the same key in every version, or existing users would no longer be found by userName.
/// </summary>
public sealed class GrainKeysTests
{
    [Theory]
    [InlineData("tenant-a~inc1", "userName", "ADELE.VANCE@CONTOSO.COM", "tenant-a~inc1/userName/Ex0uOfly9JAc58k8Q4_d-UJsetDqdl2ruhTfbeOxAOg")]
    [InlineData("t0123456789~inc2", "emails", "ÅSA@EXAMPLE.ORG", "t0123456789~inc2/emails/q1y1gZ9M56u0rV_jh9tcxOaUooKrhKoJJGCuE1s5Y2M")]
    [InlineData("x", "externalId", "", "x/externalId/EmPPxtNXWop0vNYg349E8W-kpH_AfI1f7DfEbEpyyHg")]
    public void IndexKey_IsTheStoredFormOfEarlierVersions(string tenantKey, string index, string value, string stored) =>
        Assert.Equal(stored, GrainKeys.Index(tenantKey, index, value));

    [Fact]
    public void IndexKey_OfAValueLongerThanAnyStackBuffer_IsItsStoredForm() =>
        Assert.Equal("t/userName/nemNzocctHBgt1cTErKo1iU_KemUGq3NNvQoygGwlJs", GrainKeys.Index("t", "userName", new string('Ä', 5000)));
}
