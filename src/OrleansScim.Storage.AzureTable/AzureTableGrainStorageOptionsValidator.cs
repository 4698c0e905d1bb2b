using System.Text.RegularExpressions;

namespace OrleansScim.Storage.AzureTable;

/// <summary>Fails silo start with a clear message when a storage's options cannot work.</summary>
internal sealed partial class AzureTableGrainStorageOptionsValidator(AzureTableGrainStorageOptions options, string name)
    : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw Invalid($"{nameof(options.ConnectionString)} is required");
        }

        if (options.TableName is null || !TableNamePattern().IsMatch(options.TableName))
        {
            throw Invalid($"{nameof(options.TableName)} '{options.TableName}' is not a valid Azure table name (3-63 letters or digits, starting with a letter)");
        }

        if (options.MaxAttempts < 1)
        {
            throw Invalid($"{nameof(options.MaxAttempts)} must be at least 1");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            throw Invalid($"{nameof(options.RetryDelay)} must be positive and not above {nameof(options.MaxRetryDelay)}");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            throw Invalid($"{nameof(options.NetworkTimeout)} must be positive");
        }
    }

    private OrleansConfigurationException Invalid(string reason) =>
        new($"Invalid {nameof(AzureTableGrainStorageOptions)} for grain storage '{name}': {reason}.");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
