namespace AriaPro.Grains.Security;

/// <summary>The signing-key ring: rotation, overlap, how many keys are kept, and the master key that seals them.</summary>
public sealed class JwtKeyRingOptions
{
    /// <summary>Orleans reminders tick at most once a minute.</summary>
    public static readonly TimeSpan MinimumCheckPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Lifetime of a signing key before the reminder rotates it (<c>JWT_ROTATION_HOURS</c>).</summary>
    /// <value>The default value is 24 hours.</value>
    public TimeSpan Rotation { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a retired key still validates (<c>JWT_SECRET_OVERLAP_HOURS</c>).</summary>
    /// <value>The default value is 2 hours.</value>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Keys kept at most, the current one included (<c>JWT_MAX_SECRETS</c>); the oldest go first.</summary>
    /// <value>The default value is 5.</value>
    public int MaxSecrets { get; set; } = 5;

    /// <summary>
    /// The 32-byte AES-256 master key (<c>ARIA_MASTER_KEY</c>); every silo of a cluster needs the
    /// same one. Null draws a random key in memory at start: only for a single embedded silo whose
    /// state dies with it.
    /// </summary>
    /// <value>The default value is null.</value>
    public byte[]? MasterKey { get; set; }

    /// <summary>How often the rotation reminder looks whether the current key is due (at least one minute).</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan RotationCheckPeriod { get; set; } = MinimumCheckPeriod;

    /// <summary>Throws <see cref="OrleansConfigurationException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (Rotation <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"{nameof(JwtKeyRingOptions)}.{nameof(Rotation)} must be positive, not {Rotation}");
        }

        if (Overlap < TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"{nameof(JwtKeyRingOptions)}.{nameof(Overlap)} must not be negative, not {Overlap}");
        }

        if (MaxSecrets < 2)
        {
            throw new OrleansConfigurationException($"{nameof(JwtKeyRingOptions)}.{nameof(MaxSecrets)} must be at least 2 (the current key and one retired key), not {MaxSecrets}");
        }

        if (MasterKey is { Length: not SecretCipher.MasterKeySize })
        {
            throw new OrleansConfigurationException($"{nameof(JwtKeyRingOptions)}.{nameof(MasterKey)} must be {SecretCipher.MasterKeySize} bytes, not {MasterKey.Length}");
        }

        if (RotationCheckPeriod < MinimumCheckPeriod)
        {
            throw new OrleansConfigurationException($"{nameof(JwtKeyRingOptions)}.{nameof(RotationCheckPeriod)} must be at least {MinimumCheckPeriod} (the reminder minimum), not {RotationCheckPeriod}");
        }
    }
}
