using AriaPro.Silo.Tests.Hosting;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>Two real silo processes on one Redis form one cluster, and either one's HTTP facade serves what the other took.</summary>
[Trait("Category", "Integration"), Collection(SiloProcessesCollection.Name)]
public sealed class ClusterFormationTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    private static readonly TimeSpan MembershipLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ClientStartLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FillLimit = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task GetHosts_TwoSilosOnOneRedis_BothActive()
    {
        Skip.If(TwoSiloCluster.NoRedis is not null, TwoSiloCluster.NoRedis);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAriaProClient(o =>
        {
            o.Redis = cluster.Redis;
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ClusterId;
            o.ApiKey = TestAuth.AdminKey;
        });
        using var client = builder.Build();
        using (var starting = new CancellationTokenSource(ClientStartLimit))
        {
            await client.StartAsync(starting.Token);
        }

        var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        Dictionary<SiloAddress, SiloStatus> hosts = [];

        var formed = await Poll.UntilAsync(async () =>
        {
            hosts = await management.GetHosts(onlyActive: true);
            return ActivePorts(hosts).SetEquals([cluster.A.SiloPort, cluster.B.SiloPort]);
        }, MembershipLimit);
        await client.StopAsync();

        Assert.True(formed, $"the management grain lists {Describe(hosts)}, not silos on ports {cluster.A.SiloPort} and {cluster.B.SiloPort} both Active");
    }

    [SkippableFact]
    public async Task DashboardCounters_TwoSilosOnOneRedis_ListsBothAsActiveHosts()
    {
        Skip.If(TwoSiloCluster.NoRedis is not null, TwoSiloCluster.NoRedis);
        JsonObject counters = [];

        var listed = await Poll.UntilAsync(async () =>
        {
            counters = (await cluster.B.Http.GetFromJsonAsync<JsonObject>("/dashboard/DashboardCounters"))!;
            return DashboardActivePorts(counters).SetEquals([cluster.A.SiloPort, cluster.B.SiloPort]);
        }, MembershipLimit);

        Assert.True(listed, $"/dashboard/DashboardCounters lists hosts {counters["hosts"]?.ToJsonString()}, not silos on ports {cluster.A.SiloPort} and {cluster.B.SiloPort} both Active");
        Assert.Equal(2, (int?)counters["totalActiveHostCount"]);
    }

    [SkippableFact]
    public async Task SubmitOrder_ThroughSiloA_IsReadBackThroughSiloB()
    {
        Skip.If(TwoSiloCluster.NoRedis is not null, TwoSiloCluster.NoRedis);
        var id = $"form-{Guid.NewGuid():N}";
        using var readyA = await cluster.A.Http.GetAsync("/health/ready");
        using var readyB = await cluster.B.Http.GetAsync("/health/ready");

        var submitted = await cluster.A.Http.PostOrder(Order(id, side: "Sell"), HttpStatusCode.Created);
        using var readBack = await cluster.B.Http.GetAsync($"/trading/orders/{id}");
        var order = await readBack.ReadObject();
        var filled = await Poll.UntilAsync(async () =>
        {
            order = (await cluster.B.Http.GetFromJsonAsync<JsonObject>($"/trading/orders/{id}"))!;
            return (string?)order["status"] == "Filled";
        }, FillLimit);

        Assert.Equal(HttpStatusCode.OK, readyA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyB.StatusCode);
        foreach (var ready in new[] { readyA, readyB })
        {
            // Each silo's readiness asked the membership, which has both silos.
            var report = (await ready.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("the cluster answers: 2 active silos", (string?)report["checks"]!["cluster"]!["description"]);
        }

        Assert.Equal(id, (string?)submitted["clientOrderId"]);
        Assert.Equal(HttpStatusCode.OK, readBack.StatusCode);
        Assert.Equal(id, (string?)order["clientOrderId"]);
        Assert.Equal("EURUSD", (string?)order["symbol"]);
        Assert.Equal("Sell", (string?)order["side"]);
        Assert.Equal(1m, (decimal?)order["quantity"]);
        Assert.True(filled, $"order {id} read through silo B is {order.ToJsonString()}, not Filled within {FillLimit.TotalSeconds} s");
        Assert.Equal(1m, (decimal?)order["filledQuantity"]);
    }

    private static HashSet<int> ActivePorts(Dictionary<SiloAddress, SiloStatus> hosts) =>
        hosts.Where(h => h.Value == SiloStatus.Active).Select(h => h.Key.Endpoint.Port).ToHashSet();

    private static string Describe(Dictionary<SiloAddress, SiloStatus> hosts) =>
        hosts.Count == 0 ? "no silo" : string.Join(", ", hosts.Select(h => $"{h.Key} {h.Value}"));

    // A dashboard host is {"siloAddress": "10.0.0.5:11111@154646879", "status": "Active", ...}.
    private static HashSet<int> DashboardActivePorts(JsonObject counters) =>
        (counters["hosts"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(h => (string?)h["status"] == "Active")
            .Select(h => (string)h["siloAddress"]!)
            .Select(address => address[..address.IndexOf('@', StringComparison.Ordinal)])
            .Select(endpoint => int.Parse(endpoint[(endpoint.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))
            .ToHashSet();
}
