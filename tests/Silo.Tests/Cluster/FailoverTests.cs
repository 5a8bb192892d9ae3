using AriaPro.Silo.Tests.Hosting;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Client;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Tests.Http;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// Two silo processes on the Redis that ./test.sh starts (ARIA_TEST_REDIS), and what is left of
/// the orders when silos are killed with SIGKILL.
/// </summary>
[Trait("Category", "Integration"), Collection(SiloProcessesCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output)
{
    private const int OrderCount = 2_000;
    private const int KillAfter = OrderCount / 2;
    private static readonly string? Redis = System.Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");
    private static readonly string[] Symbols = ["EURUSD", "GBPUSD", "USDJPY", "AUDUSD"];
    private static readonly TimeSpan ServesWithin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollStep = TimeSpan.FromMilliseconds(250);

    [SkippableFact]
    public async Task OneSiloKilledUnderLoad_EveryOrderEndsOnceAndPositionsEqualFills()
    {
        Skip.If(string.IsNullOrEmpty(Redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var cluster = $"kill-{Guid.NewGuid():N}";
        await using var survivor = ClusterNode.Create(Settings(cluster));
        await using var victim = ClusterNode.Create(Settings(cluster));
        await Task.WhenAll(survivor.StartAsync(), victim.StartAsync());
        using var app = await ConnectAsync(cluster);
        var client = app.Services.GetRequiredService<AriaProClient>();

        var submitted = new ConcurrentDictionary<string, SubmitResult>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = 0;
        var load = Parallel.ForEachAsync(Enumerable.Range(0, OrderCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var request = new OrderRequest($"k{i}", Symbols[i % Symbols.Length], (i / Symbols.Length) % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, 1m, OrderType.Market);
            submitted[request.ClientOrderId] = await client.SubmitOrderAsync(request);
            if (Interlocked.Increment(ref done) == KillAfter)
            {
                halfway.TrySetResult();
            }
        });

        await halfway.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await victim.KillAsync();
        var served = await ServesEverySymbol(survivor);
        await load.WaitAsync(TimeSpan.FromMinutes(4));
        var orders = await SettledOrders(client, submitted.Keys.Concat(served.ProbeIds).ToList());
        var positions = await client.GetPositionsAsync();

        output.WriteLine($"survivor served every symbol {served.After.TotalSeconds:F1}s after the kill; orders: {Summary(orders.Values)}");
        Assert.True(served.After <= ServesWithin, $"the survivor served every symbol only {served.After.TotalSeconds:F1}s after the kill.\n{survivor.Output}");
        Assert.Equal(OrderCount, submitted.Count);
        foreach (var (id, result) in submitted)
        {
            var order = orders[id];
            Assert.Equal(id, result.Order.ClientOrderId);
            Assert.Equal(result.Order.CreatedAt, order.CreatedAt);
            Assert.InRange(order.FilledQuantity, 0m, order.Quantity);
        }

        foreach (var symbol in Symbols)
        {
            var fills = orders.Values.Where(o => o.Symbol == symbol).Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity);
            Assert.Equal(fills, positions.Single(p => p.Symbol == symbol).Quantity);
        }

        // Orders caught in flight on the dead silo may have expired; every other one trades.
        var filled = orders.Values.Count(o => o.Status == OrderStatus.Filled);
        Assert.True(filled >= OrderCount - 50, $"only {filled} of {orders.Count} orders filled: {Summary(orders.Values)}");
    }

    [SkippableFact]
    public async Task BothSilosKilledAndRestarted_PositionsWorkingOrdersAndTrippedBreakersComeBack()
    {
        Skip.If(string.IsNullOrEmpty(Redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var cluster = $"restart-{Guid.NewGuid():N}";

        // Every order is rejected: two rejections trip USDJPY's breaker.
        var rejecting = Settings(cluster);
        rejecting["ARIA_PAPER_REJECT_RATE"] = "1";
        rejecting["AUTO_TRADE_CB_FAILURES"] = "2";
        await using (var a = ClusterNode.Create(rejecting))
        await using (var b = ClusterNode.Create(rejecting))
        {
            await Task.WhenAll(a.StartAsync(), b.StartAsync());
            await a.Http.PostOrder(Order("rb-1", "USDJPY"), HttpStatusCode.Created);
            await b.Http.PostOrder(Order("rb-2", "USDJPY"), HttpStatusCode.Created);
            await a.Http.WaitForStatus("rb-2", "Rejected");
            await Task.WhenAll(a.KillAsync(), b.KillAsync());
        }

        var trading = Settings(cluster);
        trading["AUTO_TRADE_CB_FAILURES"] = "2";
        await using var first = ClusterNode.Create(trading);
        await using var second = ClusterNode.Create(trading);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await first.Http.PostOrder(Order("rb-fill-1", "EURUSD"), HttpStatusCode.Created);
        await second.Http.PostOrder(Order("rb-fill-2", "EURUSD", quantity: 2m), HttpStatusCode.Created);
        await first.Http.WaitForStatus("rb-fill-2", "Filled");
        foreach (var id in new[] { "rb-rest-1", "rb-rest-2" })
        {
            await second.Http.PostOrder(Limit(id, "GBPUSD", 0.5m), HttpStatusCode.Created);
            await first.Http.WaitForStatus(id, "Accepted");
        }

        await Task.WhenAll(first.KillAsync(), second.KillAsync());
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        var eurusd = await second.Http.GetFromJsonAsync<JsonObject>("/trading/symbols/EURUSD");
        var gbpusd = await first.Http.GetFromJsonAsync<JsonObject>("/trading/symbols/GBPUSD");
        var usdjpy = await second.Http.GetFromJsonAsync<JsonObject>("/trading/symbols/USDJPY");
        var resting = await first.Http.GetFromJsonAsync<JsonObject>("/trading/orders/rb-rest-1");
        using var cancel = await second.Http.DeleteAsync("/trading/orders/rb-rest-2");
        var cancelled = await cancel.ReadObject();
        var denied = await first.Http.PostOrder(Order("rb-3", "USDJPY"), HttpStatusCode.Created);

        Assert.Equal(3m, (decimal?)eurusd!["position"]);
        Assert.Equal(2, (int?)gbpusd!["workingOrders"]);
        Assert.Equal("Accepted", (string?)resting!["status"]);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal("Open", (string?)usdjpy!["circuitBreaker"]!["state"]);
        Assert.Equal(2, (int?)usdjpy["circuitBreaker"]!["consecutiveFailures"]);
        Assert.Equal("Denied", (string?)denied["status"]);
    }

    private static Dictionary<string, string> Settings(string cluster) => new()
    {
        ["ARIA_REDIS"] = Redis!,
        ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
        ["ARIA_CLUSTER_ID"] = cluster,
        ["ARIA_SERVICE_ID"] = cluster,
        ["ARIA_AUTOTRADE"] = "0",
        ["ARIA_SYMBOLS"] = string.Join(',', Symbols),
        ["AUTO_TRADE_POS_LIMITS"] = string.Join(',', Symbols.Select(s => $"{s}:1000")),
        ["AUTO_TRADE_CB_FAILURES"] = "1000",
        ["AUTO_TRADE_BASE_TIMEOUT"] = "3",
        ["AUTO_TRADE_MAX_TIMEOUT"] = "6",
        ["ARIA_ACCOUNT_CAPITAL"] = "1000000000",
        ["ARIA_PAPER_LATENCY_MS"] = "5",
    };

    private static string Limit(string id, string symbol, decimal price) =>
        System.Text.Json.JsonSerializer.Serialize(new { clientOrderId = id, symbol, side = "Buy", quantity = 1m, type = "Limit", limitPrice = price });

    private static async Task<IHost> ConnectAsync(string cluster)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddAriaProClient(o =>
        {
            o.Redis = Redis;
            o.ClusterId = cluster;
            o.ServiceId = cluster;
            o.RetryFor = TimeSpan.FromMinutes(2);
            o.ApiKey = TestAuth.AdminKey;
        });
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }

    // Polls the survivor until it answers for every symbol and takes a new order on each.
    private static async Task<(TimeSpan After, List<string> ProbeIds)> ServesEverySymbol(ClusterNode node)
    {
        var clock = Stopwatch.StartNew();
        var probes = new List<string>();
        foreach (var symbol in Symbols)
        {
            var id = $"probe-{symbol}";
            while (true)
            {
                Assert.True(clock.Elapsed < SettleLimit, $"the survivor never served {symbol}.\n{node.Output}");
                try
                {
                    using var response = await node.Http.PostAsync("/trading/orders", Body(Order(id, symbol)));
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        break;
                    }

                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                }
                catch (TaskCanceledException)
                {
                    // The HTTP client's own timeout: the silo held the request while the cluster decided.
                }

                await Task.Delay(PollStep);
            }

            probes.Add(id);
        }

        return (clock.Elapsed, probes);
    }

    private static async Task<Dictionary<string, OrderView>> SettledOrders(AriaProClient client, IReadOnlyList<string> ids)
    {
        var clock = Stopwatch.StartNew();
        var orders = new Dictionary<string, OrderView>();
        foreach (var id in ids)
        {
            while (true)
            {
                var order = await client.GetOrderAsync(id);
                Assert.True(order is not null, $"order {id} is lost");
                if (order.Status.IsTerminal())
                {
                    orders[id] = order;
                    break;
                }

                Assert.True(clock.Elapsed < SettleLimit, $"order {id} is still {order.Status}");
                await Task.Delay(PollStep);
            }
        }

        return orders;
    }

    private static string Summary(IEnumerable<OrderView> orders) =>
        string.Join(", ", orders.GroupBy(o => o.Status).Select(g => $"{g.Key}: {g.Count()}"));
}
