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

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(75);

    /// <summary>The Redis both silos use.</summary>
    public string Redis { get; } = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS") ?? "";

    /// <summary>Cluster and service id of this cluster alone.</summary>
    public string ClusterId { get; } = $"form-{Guid.NewGuid():N}";

    public Member A { get; } = new();

    public Member B { get; } = new();

    public async Task InitializeAsync()
    {
        if (NoRedis is not null)
        {
            return;
        }

        A.Start(this);
        B.Start(this);
        await Task.WhenAll(A.Process!.WaitForOutputAsync("AriaPro started", StartLimit), B.Process!.WaitForOutputAsync("AriaPro started", StartLimit));
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }

    /// <summary>One silo of the cluster: its process, ports and an HTTP client for its facade.</summary>
    public sealed class Member : IAsyncDisposable
    {
        public int SiloPort { get; } = FreePort.Next();

        public int GatewayPort { get; } = FreePort.Next();

        public int HttpPort { get; } = FreePort.Next();

        public SiloProcess? Process { get; private set; }

        public HttpClient Http { get; private set; } = null!;

        internal void Start(TwoSiloCluster cluster)
        {
            Process = SiloProcess.Start(new Dictionary<string, string>
            {
                ["ARIA_REDIS"] = cluster.Redis,
                ["ARIA_CLUSTER_ID"] = cluster.ClusterId,
                ["ARIA_SERVICE_ID"] = cluster.ClusterId,
                ["ARIA_SILO_PORT"] = SiloPort.ToString(),
                ["ARIA_GATEWAY_PORT"] = GatewayPort.ToString(),
                ["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{HttpPort}",
                ["ARIA_AUTOTRADE"] = "0",
            });
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            if (Process is not null)
            {
                await Process.DisposeAsync();
            }
        }
    }
}
