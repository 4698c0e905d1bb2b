using Microsoft.Extensions.Options;

namespace OrleansScim.Host.Hosting;

/// <summary>Stops the host at start with a message saying why when the admin keys are unusable (too short, too many).</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.KeyProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
