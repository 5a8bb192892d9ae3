using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>The environment of a cluster-mode silo process on a test's own Redis, in a service of its own.</summary>
public static class SiloOnRedis
{
    /// <summary>
    /// Cluster mode on <paramref name="redis"/>, HTTP on <paramref name="httpPort"/>, trading
    /// <paramref name="symbols"/> with limits and a risk budget no load reaches, no auto-trading,
    /// order timeouts of a few seconds, and rate limits no test reaches.
    /// </summary>
    public static Dictionary<string, string> Environment(RedisServer redis, int httpPort, IReadOnlyList<string> symbols, string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}";
        return new()
        {
            ["ARIA_REDIS"] = redis.ConnectionString,
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = TestAuth.GenerousRateLimits["RATE_LIMIT_REQUESTS_PER_MINUTE"],
            ["RATE_LIMIT_GLOBAL_PER_MINUTE"] = TestAuth.GenerousRateLimits["RATE_LIMIT_GLOBAL_PER_MINUTE"],
            ["RATE_LIMIT_ENDPOINTS"] = TestAuth.GenerousRateLimits["RATE_LIMIT_ENDPOINTS"],
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_CLUSTER_ID"] = id,
            ["ARIA_SERVICE_ID"] = id,
            ["ARIA_SILO_PORT"] = LoopbackPorts.Free().ToString(),
            ["ARIA_GATEWAY_PORT"] = LoopbackPorts.Free().ToString(),
            ["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["ARIA_AUTOTRADE"] = "0",
            ["ARIA_SYMBOLS"] = string.Join(',', symbols),
            ["AUTO_TRADE_POS_LIMITS"] = string.Join(',', symbols.Select(s => $"{s}:100000")),
            ["ARIA_RISK_MAX_VAR"] = "1",
            ["ARIA_ACCOUNT_CAPITAL"] = "1000000000",
            ["AUTO_TRADE_CB_FAILURES"] = "1000",
            ["AUTO_TRADE_BASE_TIMEOUT"] = "2",
            ["AUTO_TRADE_MAX_TIMEOUT"] = "5",
        };
    }
}
