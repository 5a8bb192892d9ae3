using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Grains.Risk;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Integration")]
public sealed class RiskBudgetTests
{
    [Fact]
    public async Task PostOrder_VarBeyondBudget_DeniedWithTheFigures()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_ACCOUNT_CAPITAL"] = "10000" });

        var order = await host.Http.PostOrder(Order("var-1", "EURUSD", "Buy", 1m), HttpStatusCode.Created);
        var small = await host.Http.PostOrder(Order("var-2", "EURUSD", "Buy", 0.01m), HttpStatusCode.Created);

        Assert.Equal("Denied", (string?)order["status"]);
        var reason = (string?)order["reason"];
        Assert.StartsWith("risk budget exceeded: portfolio 1-day VaR at 95% (historical simulation over 252 days to ", reason);
        Assert.Contains(") would be ", reason);
        Assert.Contains("of equity 10,000.00 USD), above ARIA_RISK_MAX_VAR 2% (200.00 USD)", reason);
        Assert.Equal("Submitted", (string?)small["status"]);
    }

    [SkippableFact]
    public async Task Metrics_SeededFromEurUsdCloses_MatchTheFilesLast252Returns()
    {
        var file = SharedData.Find("eurusd-daily-2005-2018.csv");
        Skip.If(file is null, "../shared/data/eurusd-daily-2005-2018.csv is not next to this checkout");
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_RISK_SEED_FILE"] = file });

        var risk = await host.Http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");
        var expected = RiskMetrics.Compute(DailyReturns.FromCloses(DailyReturns.ReadCloses(file!), 252).ToArray(), new());

        Assert.Equal(252, (int?)risk!["returns"]);
        Assert.Equal("seeded from eurusd-daily-2005-2018.csv", (string?)risk["returnsSource"]);
        Assert.Equal(expected.AnnualVolatility, (double?)risk["metrics"]!["annualVolatility"]);
        Assert.Equal(expected.Var, (double?)risk["metrics"]!["var"]);
        Assert.NotNull(expected.Var);

        // The seed is the portfolio's own equity series; the book's VaR is of the positions held: none.
        Assert.Equal(0m, (decimal?)risk["varAmount"]);
        Assert.Equal("historical simulation", (string?)risk["book"]!["method"]);
    }

    [Fact]
    public async Task ACsvFeed_SeedsEachSymbolsWindowFromTheFilesEarlierDays_AndTheBookIsValuedOnThem()
    {
        var file = SharedData.Find("eurusd-daily-2005-2018.csv");
        Assert.True(file is not null, "../shared/data/eurusd-daily-2005-2018.csv is not next to this checkout; ./test.sh needs it");
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_FEED"] = $"csv:{file},EURUSD" });

        var window = await host.Grains.GetGrain<AriaPro.Grains.Interfaces.MarketData.IMarketDataGrain>("EURUSD").GetReturns();
        await host.Http.PostOrder(Order("csv-risk-1", "EURUSD", "Buy", 0.5m), HttpStatusCode.Created);
        await host.Http.WaitForStatus("csv-risk-1", "Filled");
        var risk = await host.Http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");

        // The file's daily returns, close over the previous close: the window is the 252 that end
        // where the replay had come to (it moves on while the test runs), so some run of them.
        var closes = DailyReturns.ReadCloses(file!);
        var fileReturns = DailyReturns.FromCloses(closes, closes.Count);
        var daily = window.Daily.ToArray();
        var starts = Enumerable.Range(0, fileReturns.Count - daily.Length + 1)
            .Where(k => fileReturns.Skip(k).Take(daily.Length).Zip(daily).All(p => Math.Abs(p.First - p.Second) < 1e-12)).ToList();
        Assert.Equal(252, daily.Length);
        Assert.NotEmpty(starts);
        Assert.StartsWith("csv:eurusd-daily-2005-2018.csv: the days before the replay", window.Source);
        Assert.Equal("historical simulation", (string?)risk!["book"]!["method"]);
        Assert.StartsWith("252 days: csv:eurusd-daily-2005-2018.csv", (string?)risk["book"]!["sources"]!["EURUSD"]);
        Assert.True((decimal?)risk["varAmount"] > 0m);
    }
}
