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
}
