namespace AriaPro.Silo.Security.Audit;

/// <summary>The audit log (<c>ARIA_AUDIT_LOG</c>, <c>ARIA_AUDIT_MAX_MB</c>, <c>ARIA_AUDIT_KEEP</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>The value of <c>ARIA_AUDIT_LOG</c> that turns the file off.</summary>
    public const string Disabled = "none";

    /// <summary>Bytes in one MB of <c>ARIA_AUDIT_MAX_MB</c> (a mebibyte).</summary>
    public const long BytesPerMegabyte = 1024 * 1024;

    /// <summary>Default of <c>ARIA_AUDIT_MAX_MB</c>.</summary>
    public const int DefaultMaxMegabytes = 100;

    /// <summary>Largest <c>ARIA_AUDIT_MAX_MB</c> accepted.</summary>
    public const int MaxMegabytesLimit = 10_000;

    /// <summary>Default of <see cref="KeepFiles"/>.</summary>
    public const int DefaultKeepFiles = 10;

    /// <summary>Largest <c>ARIA_AUDIT_KEEP</c> accepted: every rotation renames each kept file once.</summary>
    public const int KeepFilesLimit = 1000;

    /// <summary>The JSON-lines file, relative to the working directory unless rooted; null writes no file.</summary>
    /// <value>The default value is <c>logs/audit.jsonl</c>.</value>
    public string? FilePath { get; set; } = "logs/audit.jsonl";

    /// <summary>Size in bytes past which the current file is rotated (<c>ARIA_AUDIT_MAX_MB</c> × <see cref="BytesPerMegabyte"/>).</summary>
    /// <value>The default value is 100 MB.</value>
    public long MaxFileBytes { get; set; } = DefaultMaxMegabytes * BytesPerMegabyte;

    /// <summary>Rotated files kept besides the current one (<c>ARIA_AUDIT_KEEP</c>); older ones are deleted.</summary>
    /// <value>The default value is 10.</value>
    public int KeepFiles { get; set; } = DefaultKeepFiles;
}
