using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>The portfolio kill switch and flatten, end to end through HTTP on an embedded silo with the paper broker.</summary>
[Trait("Category", "Integration")]
public sealed class KillSwitchTests
{
    private static readonly string[] Symbols = ["EURUSD", "GBPUSD", "USDJPY"];

    [Fact]
    public async Task TheDailyLossLimit_MovesEverySymbolToReducing_ExitsStillPass_AndAFlattenClosesEveryPosition()
    {
        // A buy fills at the ask and is marked at the bid: the spread alone is a loss above one millionth of equity.
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_RISK_MAX_DAILY_LOSS"] = "0.000001" });
        var http = host.Http;
        await http.PostOrder(Order("ks-eur", "EURUSD", "Buy", 1m), HttpStatusCode.Created);
        await http.PostOrder(Order("ks-jpy", "USDJPY", "Sell", 1m), HttpStatusCode.Created);
        await http.PostOrder(Order("ks-gbp", "GBPUSD", "Buy", 0.5m), HttpStatusCode.Created);
        foreach (var id in new[] { "ks-eur", "ks-jpy", "ks-gbp" })
        {
            await http.WaitForStatus(id, "Filled");
        }

        var risk = await http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");
        var tripped = risk!["limits"]!["tripped"];
        var reducing = await Task.WhenAll(Symbols.Select(s => WaitForTradingState(http, s, "Reducing")));

        // An operator's own stops on two symbols: the flatten must pass them too.
        using (var halt = await http.PutAsync("/trading/symbols/GBPUSD/trading-state", Body("""{"state":"Halted","reason":"desk review"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        }

        using (var breaker = await http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/halt", Body("""{"reason":"venue check"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, breaker.StatusCode);
        }

        await http.PostOrder(Order("ks-exit", "EURUSD", "Sell", 0.5m), HttpStatusCode.Created);
        var exit = await http.WaitForStatus("ks-exit", "Filled");
        var increase = await http.PostOrder(Order("ks-more", "EURUSD", "Buy", 0.5m), HttpStatusCode.Created);
        var alerts = await http.GetFromJsonAsync<JsonObject>("/monitoring/alerts");

        using var flatten = await http.PostAsync("/trading/flatten", null);
        var flattened = (await flatten.Content.ReadFromJsonAsync<JsonArray>())!;
        var positions = await WaitForFlat(http);

        Assert.NotNull(tripped);
        Assert.Equal("ARIA_RISK_MAX_DAILY_LOSS", (string?)tripped["limit"]);
        Assert.True((double?)risk["limits"]!["dailyLoss"] >= 0.000001);
        Assert.All(reducing, s => Assert.StartsWith("kill switch: the daily loss of ", (string?)s["tradingStateReason"]));
        Assert.Equal("Filled", (string?)exit["status"]);
        Assert.Equal("Denied", (string?)increase["status"]);
        Assert.StartsWith("trading is reducing-only (kill switch: the daily loss", (string?)increase["reason"]);
        var alert = Assert.Single(alerts!["active"]!.AsArray(), a => (string?)a!["ruleId"] == "risk-kill-switch")!;
        Assert.Equal("Critical", (string?)alert["severity"]);
        Assert.Equal(HttpStatusCode.OK, flatten.StatusCode);
        Assert.Equal(3, flattened.Count);
        Assert.All(flattened, f => Assert.Equal("flatten", (string?)f!["order"]!["source"]));
        Assert.All(positions, p => Assert.Equal(0m, (decimal?)p!["quantity"]));
    }

    [Fact]
    public async Task AnAdminResume_LiftsTheSwitch_RestoresWhatItMadeReducing_AndLeavesTheOperatorsHalt()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_RISK_MAX_DAILY_LOSS"] = "0.000001" });
        var http = host.Http;
        await http.PostOrder(Order("rs-eur", "EURUSD", "Buy", 1m), HttpStatusCode.Created);
        await http.WaitForStatus("rs-eur", "Filled");
        await http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");
        await Task.WhenAll(Symbols.Select(s => WaitForTradingState(http, s, "Reducing")));
        using (var halt = await http.PutAsync("/trading/symbols/GBPUSD/trading-state", Body("""{"state":"Halted","reason":"desk review"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        }

        using var resume = await http.PostAsync("/trading/risk/resume", Body("""{"reason":"limits reviewed"}"""));
        var limits = await resume.ReadObject();
        var eurusd = await WaitForTradingState(http, "EURUSD", "Active");
        var usdjpy = await WaitForTradingState(http, "USDJPY", "Active");
        var gbpusd = await http.GetFromJsonAsync<JsonObject>("/trading/symbols/GBPUSD");
        await http.PostOrder(Order("rs-more", "EURUSD", "Buy", 0.5m), HttpStatusCode.Created);
        var more = await http.WaitForStatus("rs-more", "Filled");

        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.Null(limits["tripped"]);
        Assert.Equal(0.0, (double?)limits["dailyLoss"]); // re-armed from the equity at the resume
        Assert.Null(eurusd["tradingStateReason"]);
        Assert.Equal("Active", (string?)usdjpy["tradingState"]);
        Assert.Equal(("Halted", "desk review"), ((string?)gbpusd!["tradingState"], (string?)gbpusd["tradingStateReason"]));
        Assert.Equal("Filled", (string?)more["status"]);
    }

    private static async Task<JsonObject> WaitForTradingState(HttpClient http, string symbol, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var view = (await http.GetFromJsonAsync<JsonObject>($"/trading/symbols/{symbol}"))!;
            if ((string?)view["tradingState"] == state)
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{symbol} did not become {state}; it is {view["tradingState"]} ({view["tradingStateReason"]})");
            await Task.Delay(20);
        }
    }

    private static async Task<JsonArray> WaitForFlat(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var positions = (await http.GetFromJsonAsync<JsonArray>("/trading/positions"))!;
            if (positions.All(p => (decimal?)p!["quantity"] == 0m) || DateTime.UtcNow >= deadline)
            {
                return positions;
            }

            await Task.Delay(20);
        }
    }
}
