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
}
