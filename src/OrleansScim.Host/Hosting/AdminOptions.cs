namespace OrleansScim.Host.Hosting;

/// <summary>Section <c>Admin</c>: the key that guards the tenant admin API.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Sent as <c>Authorization: Bearer &lt;key&gt;</c>. When empty the admin API refuses every request.</summary>
    public string? ApiKey { get; set; }
}
