using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Integration")]
public sealed class AutoTraderTests
{
    [Fact]
    public async Task RunOnce_AutoTradingOn_ActsThroughTheOrderPathAndShowsInRiskMetrics()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_AUTOTRADE"] = "1" });

        var signal = await host.Grains.GetGrain<ISignalGrain>("EURUSD").RunOnce();

        Assert.NotEqual("auto-trading off", signal.Action);
        if (signal.ClientOrderId is { } id)
        {
            var order = await host.Http.GetFromJsonAsync<JsonObject>($"/trading/orders/{id}");
            Assert.Equal("auto", (string?)order!["source"]);
            Assert.Equal(signal.TargetPosition > signal.PositionBefore ? "Buy" : "Sell", (string?)order["side"]);
        }
        else
        {
            Assert.True(signal.Action is "hold" || signal.Action.StartsWith("waiting", StringComparison.Ordinal), signal.Action);
        }

        var risk = await host.Http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");
        Assert.NotNull(risk!["exposures"]!.AsArray().Single(e => (string?)e!["symbol"] == "EURUSD")!["kelly"]);
    }
}
