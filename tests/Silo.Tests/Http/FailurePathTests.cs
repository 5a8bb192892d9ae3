using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>The failure paths of the acceptance criteria, each against a host configured for it.</summary>
[Trait("Category", "Integration")]
public sealed class FailurePathTests
{
    [Fact]
    public async Task Breaker_ThreeRejections_FourthOrderDeniedAndSymbolShowsOpen()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ARIA_PAPER_REJECT_RATE"] = "1",
            ["AUTO_TRADE_CB_FAILURES"] = "3",
        });

        for (var i = 1; i <= 3; i++)
        {
            await host.Http.PostOrder(Order($"rej-{i}"), HttpStatusCode.Created);
            var failed = await host.Http.WaitForStatus($"rej-{i}", "Rejected");
            Assert.Contains("injected rejection", (string?)failed["reason"]);
        }

        var fourth = await host.Http.PostOrder(Order("rej-4"), HttpStatusCode.Created);
        var symbol = await host.Http.GetFromJsonAsync<JsonObject>("/trading/symbols/EURUSD");

        Assert.Equal("Denied", (string?)fourth["status"]);
        Assert.StartsWith("circuit breaker open after 3 consecutive failures", (string?)fourth["reason"]);
        Assert.Equal("Open", (string?)symbol!["circuitBreaker"]!["state"]);
        Assert.Equal(3, (int?)symbol["circuitBreaker"]!["consecutiveFailures"]);
        var opensUntil = DateTimeOffset.Parse((string)symbol["circuitBreaker"]!["opensUntil"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(opensUntil - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));
    }

    [Fact]
    public async Task Timeout_BrokerSlowerThanMaxTimeout_OrderExpiresAndCountsAsFailure()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AUTO_TRADE_BASE_TIMEOUT"] = "1",
            ["AUTO_TRADE_MAX_TIMEOUT"] = "2",
            ["ARIA_PAPER_LATENCY_MS"] = "5000",
        });

        var submitted = await host.Http.PostOrder(Order("slow-1"), HttpStatusCode.Created);
        var expired = await host.Http.WaitForStatus("slow-1", "Expired");
        var symbol = await host.Http.GetFromJsonAsync<JsonObject>("/trading/symbols/EURUSD");
        var positions = await host.Http.GetFromJsonAsync<JsonArray>("/trading/positions");

        Assert.Equal("Submitted", (string?)submitted["status"]);
        Assert.Contains("not acknowledged by the broker", (string?)expired["reason"]);
        Assert.Equal(1, (int?)symbol!["circuitBreaker"]!["consecutiveFailures"]);
        Assert.Equal(0m, (decimal?)positions!.Single(p => (string?)p!["symbol"] == "EURUSD")!["quantity"]);
    }
}
