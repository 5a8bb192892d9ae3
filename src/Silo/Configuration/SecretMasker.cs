using System.Text.RegularExpressions;

namespace AriaPro.Silo.Configuration;

/// <summary>Hides secrets in values that are logged or echoed in error messages.</summary>
public static partial class SecretMasker
{
    /// <summary>What a hidden secret looks like in output.</summary>
    public const string Mask = "***";

    /// <summary>Masks <c>password=</c> and <c>user=</c> options of a Redis connection string.</summary>
    public static string MaskRedis(string connectionString) => RedisSecret().Replace(connectionString, "$1" + Mask);

    /// <summary>Keeps scheme, host and port of a URL; the path, query and user info often carry tokens.</summary>
    public static string MaskUrl(Uri url) => $"{url.Scheme}://{url.Authority}/{Mask}";

    [GeneratedRegex(@"(?i)(\b(?:password|user)\s*=\s*)[^,]*")]
    private static partial Regex RedisSecret();
}
