namespace AriaPro.Cli;

/// <summary>Where the CLI connects: a Redis-clustered deployment, or a silo's gateway on localhost.</summary>
internal sealed record ConnectionSettings(string? Redis, int GatewayPort, string ClusterId, string ServiceId)
{
    /// <summary>Human-readable target for error messages; never shows a Redis password.</summary>
    public string Describe() => Redis is null
        ? $"localhost gateway port {GatewayPort}"
        : $"Redis {Redis.Split(',')[0]}";
}
