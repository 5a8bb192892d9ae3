using System.Globalization;
using AriaPro.Grains.Security;
using AriaPro.Silo.Security;
using AriaPro.Silo.Security.Audit;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads API keys, JWT key rotation and rate limiting.</summary>
internal static class SecuritySection
{
    public static ApiKeyOptions ReadApiKeys(EnvironmentReader reader)
    {
        var key = reader.GetRaw(AriaVariables.AdminApiKey);
        if (key is not null && (key.Length < AriaPro.Grains.Security.ApiKeys.MinimumConfiguredLength || key.Any(char.IsWhiteSpace)))
        {
            // The value is a secret: the error never repeats it.
            reader.AddError(AriaVariables.AdminApiKey,
                $"must be at least {AriaPro.Grains.Security.ApiKeys.MinimumConfiguredLength} characters without spaces (it has {key.Length}); unset, the first start creates and prints one");
            return new();
        }

        return new() { AdminApiKey = key };
    }

    public static JwtRotationOptions ReadJwt(EnvironmentReader reader)
    {
        var options = new JwtRotationOptions();
        options.Rotation = reader.GetHours(AriaVariables.JwtRotationHours, options.Rotation, allowZero: false);
        options.Overlap = reader.GetHours(AriaVariables.JwtSecretOverlapHours, options.Overlap, allowZero: true);
        options.MaxSecrets = reader.GetInt(AriaVariables.JwtMaxSecrets, options.MaxSecrets,
            v => v >= 2, "must be a whole number of at least 2 (the current key and one retired key)");

        // The ring keeps MaxSecrets keys, so a retired key is evicted after MaxSecrets - 1 further
        // rotations; a longer overlap would be promised but never honoured.
        var anyFailed = reader.HasFailed(AriaVariables.JwtRotationHours) || reader.HasFailed(AriaVariables.JwtSecretOverlapHours)
            || reader.HasFailed(AriaVariables.JwtMaxSecrets);
        var retention = options.Rotation * (options.MaxSecrets - 1);
        if (!anyFailed && options.Overlap > retention)
        {
            reader.AddError(AriaVariables.JwtSecretOverlapHours,
                $"{Hours(options.Overlap)} is longer than {AriaVariables.JwtRotationHours} × ({AriaVariables.JwtMaxSecrets} − 1) " +
                $"({Hours(retention)}): retired keys would be dropped before their overlap ends");
        }

        return options;
    }

    /// <summary>
    /// <c>ARIA_MASTER_KEY</c>: base64 of exactly 32 bytes, required in cluster mode. Errors never
    /// echo the value: it is a secret.
    /// </summary>
    public static byte[]? ReadMasterKey(EnvironmentReader reader, bool cluster)
    {
        var raw = reader.GetRaw(AriaVariables.MasterKey);
        if (raw is null)
        {
            if (cluster)
            {
                reader.AddError(AriaVariables.MasterKey,
                    $"is required when {AriaVariables.Redis} is set: base64 of {SecretCipher.MasterKeySize} random bytes, the same on every silo " +
                    "(e.g. openssl rand -base64 32); it seals the JWT signing secrets in Redis");
            }

            return null;
        }

        var buffer = new byte[raw.Length];
        if (!Convert.TryFromBase64String(raw, buffer, out var length))
        {
            reader.AddError(AriaVariables.MasterKey, $"is not base64; it must be base64 of {SecretCipher.MasterKeySize} random bytes (value not shown: it is a secret)");
            return null;
        }

        if (length != SecretCipher.MasterKeySize)
        {
            reader.AddError(AriaVariables.MasterKey, $"decodes to {length} bytes; it must be base64 of exactly {SecretCipher.MasterKeySize} bytes (value not shown: it is a secret)");
            return null;
        }

        return buffer[..length];
    }

    public static RateLimitOptions ReadRateLimit(EnvironmentReader reader)
    {
        var options = new RateLimitOptions();
        options.RequestsPerMinute = reader.GetInt(AriaVariables.RateLimitRequestsPerMinute, options.RequestsPerMinute,
            v => v >= 1, "must be a whole number of at least 1");
        options.EndpointLimits = reader.Get(AriaVariables.RateLimitEndpoints, options.EndpointLimits, EndpointLimitsParser.TryParse);
        options.GlobalPerMinute = reader.GetInt(AriaVariables.RateLimitGlobalPerMinute, options.GlobalPerMinute,
            v => v >= 1, "must be a whole number of at least 1");
        options.IpAllow = reader.Get(AriaVariables.IpAllow, options.IpAllow, IpNetworkListParser.TryParse);
        options.IpDeny = reader.Get(AriaVariables.IpDeny, options.IpDeny, IpNetworkListParser.TryParse);
        return options;
    }

    /// <summary>
    /// <c>ARIA_AUDIT_LOG</c>: the audit file's path, <c>none</c> for no file; <c>ARIA_AUDIT_MAX_MB</c> and
    /// <c>ARIA_AUDIT_KEEP</c>: the size at which it is rotated and how many rotated files are kept.
    /// </summary>
    public static AuditOptions ReadAudit(EnvironmentReader reader)
    {
        var options = new AuditOptions();
        options.FilePath = ReadAuditPath(reader, options.FilePath);
        var megabytes = reader.GetInt(AriaVariables.AuditMaxMegabytes, AuditOptions.DefaultMaxMegabytes,
            v => v is >= 1 and <= AuditOptions.MaxMegabytesLimit,
            $"must be a whole number of MB from 1 to {AuditOptions.MaxMegabytesLimit} (the size at which the audit file is rotated)");
        options.MaxFileBytes = megabytes * AuditOptions.BytesPerMegabyte;
        options.KeepFiles = reader.GetInt(AriaVariables.AuditKeep, options.KeepFiles,
            v => v is >= 1 and <= AuditOptions.KeepFilesLimit,
            $"must be a whole number from 1 to {AuditOptions.KeepFilesLimit} (rotated audit files kept besides the current one)");
        return options;
    }

    private static string? ReadAuditPath(EnvironmentReader reader, string? fallback)
    {
        var raw = reader.GetRaw(AriaVariables.AuditLog);
        if (raw is null)
        {
            return fallback;
        }

        if (string.Equals(raw, AuditOptions.Disabled, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (raw.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || raw.EndsWith('/') || raw.EndsWith(Path.DirectorySeparatorChar))
        {
            reader.AddValueError(AriaVariables.AuditLog, raw, $"must be a file path (or {AuditOptions.Disabled} for no audit file)");
            return fallback;
        }

        return raw;
    }

    private static string Hours(TimeSpan value) => value.TotalHours.ToString("0.###", CultureInfo.InvariantCulture);
}
