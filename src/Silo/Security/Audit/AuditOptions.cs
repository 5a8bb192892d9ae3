namespace AriaPro.Silo.Security.Audit;

/// <summary>The audit log (<c>ARIA_AUDIT_LOG</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>The value of <c>ARIA_AUDIT_LOG</c> that turns the file off.</summary>
    public const string Disabled = "none";

    /// <summary>The JSON-lines file, relative to the working directory unless rooted; null writes no file.</summary>
    /// <value>The default value is <c>logs/audit.jsonl</c>.</value>
    public string? FilePath { get; set; } = "logs/audit.jsonl";
}
