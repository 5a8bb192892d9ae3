using System.Globalization;
using AriaPro.Silo.Security;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads JWT key rotation and rate limiting.</summary>
internal static class SecuritySection
{
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

    private static string Hours(TimeSpan value) => value.TotalHours.ToString("0.###", CultureInfo.InvariantCulture);
}
