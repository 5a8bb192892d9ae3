using AriaPro.Core.Trading;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>Cluster mode against the real redis-server that ./test.sh starts (ARIA_TEST_REDIS).</summary>
[Trait("Category", "Integration")]
public sealed class RedisRestartTests
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");

    [SkippableFact]
    public async Task TrippedBreakerAndOrders_SurviveSiloRestart()
    {
        var environment = ClusterMode("restart");
        environment["ARIA_PAPER_REJECT_RATE"] = "1";
        environment["AUTO_TRADE_CB_FAILURES"] = "2";

        await using (var first = await TestHost.StartAsync(environment))
        {
            for (var i = 1; i <= 2; i++)
            {
                await first.Http.PostOrder(Order($"rs-{i}"), HttpStatusCode.Created);
                await first.Http.WaitForStatus($"rs-{i}", "Rejected");
            }
        }

        await using var second = await TestHost.StartAsync(environment);
        var symbol = await second.Http.GetFromJsonAsync<JsonObject>("/trading/symbols/EURUSD");
        var order = await second.Http.GetFromJsonAsync<JsonObject>("/trading/orders/rs-1");
        var again = await second.Http.PostOrder(Order("rs-1"), HttpStatusCode.OK);
        var ready = await second.Http.GetFromJsonAsync<JsonObject>("/health/ready");

        Assert.Equal("Open", (string?)symbol!["circuitBreaker"]!["state"]);
        Assert.Equal(2, (int?)symbol["circuitBreaker"]!["consecutiveFailures"]);
        Assert.Equal("Rejected", (string?)order!["status"]);
        Assert.Equal("Rejected", (string?)again["status"]);
        Assert.Equal("Healthy", (string?)ready!["checks"]!["redis"]!["status"]);
    }

    [SkippableFact]
    public async Task StoredState_KeyedByPinnedNames_CarriesNoClrTypeNames()
    {
        var environment = ClusterMode("format");
        var serviceId = environment["ARIA_SERVICE_ID"];

        await using (var host = await TestHost.StartAsync(environment))
        {
            await host.Http.PostOrder(Order("fmt-1"), HttpStatusCode.Created);
            await host.Http.WaitForStatus("fmt-1", "Filled");
        }

        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Redis!);
        var database = redis.GetDatabase();
        byte[]? trader = await database.HashGetAsync($"{serviceId}/state/trader/EURUSD/trader", "data");
        byte[]? order = await database.HashGetAsync($"{serviceId}/state/order/fmt-1/order", "data");

        Assert.NotNull(trader);
        Assert.NotNull(order);
        foreach (var stored in new[] { trader, order })
        {
            var text = System.Text.Encoding.Latin1.GetString(stored);
            Assert.Contains("fmt-1", text);
            Assert.DoesNotContain("AriaPro", text);
            Assert.DoesNotContain("TraderState", text);
            Assert.DoesNotContain("OrderRoute", text);
            Assert.DoesNotContain("$type", text);
        }
    }

    // Cluster mode on the test Redis, in a service of its own so tests never share state.
    private static Dictionary<string, string?> ClusterMode(string prefix)
    {
        Skip.If(string.IsNullOrEmpty(Redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var serviceId = $"{prefix}-{Guid.NewGuid():N}";
        return new()
        {
            ["ARIA_REDIS"] = Redis,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_SERVICE_ID"] = serviceId,
            ["ARIA_CLUSTER_ID"] = serviceId,
        };
    }
}
