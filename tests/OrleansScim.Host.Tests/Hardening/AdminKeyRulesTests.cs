using System.Net;
using System.Net.Http.Headers;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// The admin key rules: a key shorter than 32 characters stops the host at start saying why; with no key
/// the admin API is off (the host starts and says how to turn it on); two keys may be valid at once so a
/// key can be rotated without downtime.
/// </summary>
public sealed class AdminKeyRulesTests
{
    private const string Primary = "primary-admin-key-0123456789-abcdefghij";
    private const string Secondary = "secondary-admin-key-0123456789-abcdefgh";

    [Theory]
    [InlineData("Admin:ApiKey", "change-me")]
    [InlineData("Admin:SecondaryApiKey", "short-secondary")]
    [InlineData("Admin:ApiKeys:0", "0123456789012345678901234567890")]
    public void AKeyShorterThan32Characters_StopsTheHostAtStart_SayingWhy(string setting, string key)
    {
        using var host = new ConfiguredHost(new() { [setting] = key });

        Assert.Contains("shorter than 32 characters", host.StartFailure(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNoKey_TheHostStarts_AndTheAdminApiIsOff()
    {
        using var host = new ConfiguredHost(new() { ["Admin:ApiKey"] = "" });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScimHostFactory.AdminKey);

        using var response = await client.GetAsync("/admin/tenants/any");
        using var health = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("admin API is off", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("Admin:ApiKey", "Admin:SecondaryApiKey")]
    [InlineData("Admin:ApiKeys:0", "Admin:ApiKeys:1")]
    public async Task TwoKeys_AreBothValid_ForRotationWithoutDowntime(string first, string second)
    {
        using var host = new ConfiguredHost(new() { ["Admin:ApiKey"] = "", [first] = Primary, [second] = Secondary });

        foreach (var (key, expected) in new[] { (Primary, HttpStatusCode.NotFound), (Secondary, HttpStatusCode.NotFound), ("not-" + Primary, HttpStatusCode.Unauthorized) })
        {
            using var client = host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await client.GetAsync("/admin/tenants/nobody");
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public void ThreeKeys_AreRefusedAtStart()
    {
        using var host = new ConfiguredHost(new() { ["Admin:ApiKey"] = Primary, ["Admin:SecondaryApiKey"] = Secondary, ["Admin:ApiKeys:0"] = "third-admin-key-0123456789-abcdefghijklm" });

        Assert.Contains("At most two admin keys", host.StartFailure(), StringComparison.Ordinal);
    }
}
