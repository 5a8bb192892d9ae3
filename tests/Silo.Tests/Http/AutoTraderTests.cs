using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Signals;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Integration")]
public sealed class AutoTraderTests
{
    [Fact]
    public async Task RunOnce_PositionBeyondAnyTarget_AutoTraderTradesToTheTargetThroughTheOrderPath()
    {
        // Only this test's analysis runs: the scheduled one is an hour away.
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["ARIA_AUTOTRADE"] = "1", ["ARIA_AUTOTRADE_LOTS"] = "1" },
            services: s => s.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AutoTraderOptions { Lots = 1m, FirstAnalysisDelay = TimeSpan.FromHours(1) })));

        // Two lots held: whatever the signal (one lot long, flat or one lot short), the
        // auto-trader must sell to reach it.
        await host.Http.PostOrder(Order("auto-setup", "EURUSD", "Buy", 2m), HttpStatusCode.Created);
        await host.Http.WaitForStatus("auto-setup", "Filled");
        var signal = await host.Grains.GetGrain<ISignalGrain>("EURUSD").RunOnce();
        var order = await host.Http.WaitForStatus(signal.ClientOrderId ?? "none", "Filled");
        var position = (await host.Http.GetFromJsonAsync<JsonArray>("/trading/positions"))!.Single(p => (string?)p!["symbol"] == "EURUSD")!;
        var risk = await host.Http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");

        Assert.Equal(2m, signal.PositionBefore);
        Assert.True(Math.Abs(signal.TargetPosition) <= 1m, $"target {signal.TargetPosition} beyond ARIA_AUTOTRADE_LOTS");
        Assert.StartsWith("auto-EURUSD-", signal.ClientOrderId);
        Assert.Equal("auto", (string?)order["source"]);
        Assert.Equal("Sell", (string?)order["side"]);
        Assert.Equal(2m - signal.TargetPosition, (decimal?)order["quantity"]);
        Assert.Equal($"Sell {2m - signal.TargetPosition} Submitted", signal.Action);
        Assert.Equal(signal.TargetPosition, (decimal?)position["quantity"]);
        Assert.NotNull(risk!["exposures"]!.AsArray().Single(e => (string?)e!["symbol"] == "EURUSD")!["kelly"]);
    }
}
