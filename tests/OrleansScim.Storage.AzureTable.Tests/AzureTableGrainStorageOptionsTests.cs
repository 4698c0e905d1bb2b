using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using OrleansScim.Storage.AzureTable.Tests.Infrastructure;

namespace OrleansScim.Storage.AzureTable.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableGrainStorageOptionsTests(AzuriteFixture fixture)
{
    [Fact]
    public void OptionsAsLoggedBySilo_HideTheConnectionString()
    {
        var formatter = fixture.SiloServices
            .GetRequiredService<IOptionFormatterResolver<AzureTableGrainStorageOptions>>()
            .Resolve(TestStorage.Name);

        var lines = string.Join('\n', formatter.Format());

        Assert.Contains("ConnectionString: REDACTED", lines, StringComparison.Ordinal);
        Assert.Contains(AzuriteFixture.TableName, lines, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, lines, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", lines, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Options_SerializerLeftUnset_IsTheSilosGrainStorageSerializer()
    {
        var options = fixture.SiloServices
            .GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>()
            .Get(TestStorage.Name);

        Assert.Same(fixture.SiloServices.GetRequiredService<IGrainStorageSerializer>(), options.GrainStorageSerializer);
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new AzureTableGrainStorageOptions();

        Assert.Equal("OrleansScimState", options.TableName);
        Assert.Equal(4, options.MaxAttempts);
        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public void Validator_ValidOptions_Pass()
    {
        Validator(o => { }).ValidateConfiguration();
    }

    [Theory]
    [InlineData("ConnectionString")]
    [InlineData("TableName")]
    [InlineData("MaxAttempts")]
    [InlineData("RetryDelay")]
    [InlineData("NetworkTimeout")]
    public void Validator_InvalidOption_FailsNamingItAndTheStorage(string option)
    {
        var validator = Validator(o =>
        {
            switch (option)
            {
                case "ConnectionString": o.ConnectionString = " "; break;
                case "TableName": o.TableName = "bad-name"; break;
                case "MaxAttempts": o.MaxAttempts = 0; break;
                case "RetryDelay": o.RetryDelay = TimeSpan.FromMinutes(1); break;
                case "NetworkTimeout": o.NetworkTimeout = TimeSpan.Zero; break;
            }
        });

        var error = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains("'mystore'", error.Message, StringComparison.Ordinal);
    }

    private static AzureTableGrainStorageOptionsValidator Validator(Action<AzureTableGrainStorageOptions> change)
    {
        var options = new AzureTableGrainStorageOptions { ConnectionString = "UseDevelopmentStorage=true" };
        change(options);
        return new AzureTableGrainStorageOptionsValidator(options, "mystore");
    }
}
