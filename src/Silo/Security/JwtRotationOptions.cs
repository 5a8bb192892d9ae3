namespace AriaPro.Silo.Security;

/// <summary>JWT signing-key rotation (the <c>JWT_*</c> variables).</summary>
public sealed class JwtRotationOptions
{
    /// <summary>Signing key lifetime (<c>JWT_ROTATION_HOURS</c>).</summary>
    /// <value>The default value is 24 hours.</value>
    public TimeSpan Rotation { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long retired keys still validate (<c>JWT_SECRET_OVERLAP_HOURS</c>).</summary>
    /// <value>The default value is 2 hours.</value>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Keys kept at most (<c>JWT_MAX_SECRETS</c>).</summary>
    /// <value>The default value is 5.</value>
    public int MaxSecrets { get; set; } = 5;

    /// <summary>
    /// The AES-256 key that seals signing secrets at rest and on the wire (<c>ARIA_MASTER_KEY</c>,
    /// base64 of 32 bytes). Required in cluster mode; null in embedded mode draws one in memory.
    /// </summary>
    /// <value>The default value is null.</value>
    public byte[]? MasterKey { get; set; }
}
