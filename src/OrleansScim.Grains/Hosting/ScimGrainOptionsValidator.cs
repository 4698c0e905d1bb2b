using Microsoft.Extensions.Options;

namespace OrleansScim.Grains.Hosting;

/// <summary>
/// What <see cref="ScimGrainOptions"/> must be for the grains to work: a segment size of 0 would divide
/// by zero on every create, a fan-out of 0 would never finish a query, a default page larger than the
/// largest would be cut silently. Checked at start (ValidateOnStart), naming each wrong setting.
/// </summary>
public sealed class ScimGrainOptionsValidator : IValidateOptions<ScimGrainOptions>
{
    public ValidateOptionsResult Validate(string? name, ScimGrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SegmentSize is < 1 or > 65_536)
        {
            failures.Add($"Scim:SegmentSize must be between 1 and 65536 (was {options.SegmentSize}).");
        }

        if (options.SegmentFlushInterval <= TimeSpan.Zero || options.SegmentFlushInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Scim:SegmentFlushInterval must be more than 0 and at most 01:00:00 (was {options.SegmentFlushInterval}).");
        }

        if (options.MaxPageSize < 1)
        {
            failures.Add($"Scim:MaxPageSize must be at least 1 (was {options.MaxPageSize}).");
        }

        if (options.DefaultPageSize < 1 || options.DefaultPageSize > options.MaxPageSize)
        {
            failures.Add($"Scim:DefaultPageSize must be between 1 and Scim:MaxPageSize ({options.MaxPageSize}) (was {options.DefaultPageSize}).");
        }

        if (options.InlineGroupMemberLimit < 1)
        {
            failures.Add($"Scim:InlineGroupMemberLimit must be at least 1 (was {options.InlineGroupMemberLimit}).");
        }

        if (options.QueryFanOut is < 1 or > 1024)
        {
            failures.Add($"Scim:QueryFanOut must be between 1 and 1024 (was {options.QueryFanOut}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
