namespace OrleansScim.Host.Hosting;

/// <summary>
/// Section <c>Admin</c>: the keys that guard the tenant admin API and where it listens. With no key the
/// admin API is off. Two keys may be valid at once (<see cref="ApiKey"/> and <see cref="SecondaryApiKey"/>,
/// or the list <see cref="ApiKeys"/>), so a key is rotated by adding the new one, moving clients, then
/// removing the old one, without downtime.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Shorter keys stop the host at start: an admin key is a bearer secret, not a password.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Sent as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A second valid key, for rotation.</summary>
    public string? SecondaryApiKey { get; set; }

    /// <summary>Valid keys as a list (<c>Admin__ApiKeys__0</c>, <c>Admin__ApiKeys__1</c>), in addition to the two above.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// URLs (<c>;</c>-separated, as <c>ASPNETCORE_URLS</c>) of a listener of the admin API's own; when set,
    /// <c>/admin/*</c> answers only there and SCIM and health only on the main listener.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>Every configured key, blanks left out.</summary>
    public IReadOnlyList<string> Keys() =>
        [.. new[] { ApiKey, SecondaryApiKey }.Concat(ApiKeys).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Null when the keys are usable, else why not (the host refuses to start with it).</summary>
    public string? KeyProblem()
    {
        var keys = Keys();
        if (keys.Count > 2)
        {
            return $"At most two admin keys may be configured at once (Admin:ApiKey and Admin:SecondaryApiKey, or two Admin:ApiKeys); {keys.Count} are.";
        }

        return keys.Any(k => k.Length < MinimumKeyLength)
            ? $"An admin key (Admin:ApiKey, Admin:SecondaryApiKey or Admin:ApiKeys) is shorter than {MinimumKeyLength} characters. Use a random secret of at least {MinimumKeyLength} characters, e.g. the output of 'openssl rand -base64 32'; leave the keys empty to turn the admin API off."
            : null;
    }

    /// <summary>The admin listener's URLs, or none when the admin API shares the main listener.</summary>
    public IReadOnlyList<string> ListenerUrls() =>
        Urls is { Length: > 0 } urls ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
