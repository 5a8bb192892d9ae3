namespace AriaPro.Silo.Security;

/// <summary>API keys (<c>ARIA_ADMIN_API_KEY</c>).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>
    /// The administrator's API key, when the operator chooses it (at least 32 characters). Unset:
    /// the first start creates one and prints it once.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? AdminApiKey { get; set; }
}
