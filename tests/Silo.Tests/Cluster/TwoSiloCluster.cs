using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// Two silo processes that form one cluster through the redis-server ./test.sh starts
/// (<c>ARIA_TEST_REDIS</c>), under a cluster and service id of their own, each with its own silo,
/// gateway and HTTP ports on loopback. Nothing starts when <c>ARIA_TEST_REDIS</c> is unset.
/// </summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    /// <summary>Why the cluster tests are skipped, or null when they can run.</summary>
    public static readonly string? NoRedis = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ARIA_TEST_REDIS"))
        ? "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it"
        : null;

    /// <summary>The Redis both silos use.</summary>
    public string Redis { get; } = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS") ?? "";

    /// <summary>Cluster and service id of this cluster alone.</summary>
    public string ClusterId { get; } = $"form-{Guid.NewGuid():N}";

    public ClusterNode A { get; private set; } = null!;

    public ClusterNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (NoRedis is not null)
        {
            return;
        }

        var environment = new Dictionary<string, string>
        {
            ["ARIA_REDIS"] = Redis,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_CLUSTER_ID"] = ClusterId,
            ["ARIA_SERVICE_ID"] = ClusterId,
            ["ARIA_AUTOTRADE"] = "0",
        };
        A = ClusterNode.Create(environment);
        B = ClusterNode.Create(environment);
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }
}
