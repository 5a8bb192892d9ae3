using System.Globalization;

namespace AriaPro.Load.Targets;

/// <summary>
/// The ARIA_* settings a silo under load runs with: the paper broker without latency or rejects,
/// position limits far above what alternating orders reach, capital large enough that the risk
/// budget never refuses, rate limits far above the offered load, no audit file.
/// </summary>
public static class SiloEnvironment
{
    /// <summary>The admin API key every silo the generator starts is given.</summary>
    public const string AdminKey = "aria-load-admin-key-0123456789abcdefghij";

    /// <summary>Lots each symbol may hold.</summary>
    public const int PositionLimitLots = 1000;

    public static Dictionary<string, string> For(
        IReadOnlyList<string> symbols, int httpPort, int siloPort, int gatewayPort, bool autoTrade, string? redis, string? masterKey, string? clusterId = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}",
            ["ARIA_SILO_PORT"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["ARIA_GATEWAY_PORT"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["ARIA_SYMBOLS"] = string.Join(',', symbols),
            ["AUTO_TRADE_POS_LIMITS"] = string.Join(',', symbols.Select(s => $"{s}:{PositionLimitLots.ToString(CultureInfo.InvariantCulture)}")),
            ["ARIA_AUTOTRADE"] = autoTrade ? "1" : "0",
            ["ARIA_PAPER_LATENCY_MS"] = "0",
            ["ARIA_PAPER_REJECT_RATE"] = "0",
            ["ARIA_ACCOUNT_CAPITAL"] = "1000000000000",
            ["ARIA_ADMIN_API_KEY"] = AdminKey,
            ["ARIA_AUDIT_LOG"] = "none",
            ["ARIA_MODELS_DIR"] = RepositoryPaths.Models,
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "100000000",
            ["RATE_LIMIT_GLOBAL_PER_MINUTE"] = "100000000",
            ["RATE_LIMIT_ENDPOINTS"] = "none",
        };
        if (redis is not null)
        {
            environment["ARIA_REDIS"] = redis;
            environment["ARIA_MASTER_KEY"] = masterKey ?? throw new ArgumentNullException(nameof(masterKey), "cluster mode needs a master key");

            // A cluster and a service of their own per run: silos a previous run left in the membership
            // table would hold up the start until declared dead, and state a previous run stored
            // (the JWT key ring, sealed under that run's master key) would not open.
            environment["ARIA_CLUSTER_ID"] = clusterId ?? throw new ArgumentNullException(nameof(clusterId), "cluster mode needs a cluster id");
            environment["ARIA_SERVICE_ID"] = clusterId;
        }
        else
        {
            // Embedded: the durable store in a folder of the run's own (ARIA_LOAD_DATA_DIR), else memory.
            var data = Environment.GetEnvironmentVariable("ARIA_LOAD_DATA_DIR");
            environment["ARIA_STORAGE"] = data is null ? "memory" : "durable";
            if (data is not null)
            {
                environment["ARIA_DATA_DIR"] = Path.Combine(data, $"run-{Guid.NewGuid():N}");
            }
        }

        return environment;
    }
}
