using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Integration")]
public sealed class RiskApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Series = "[0.01, -0.02, 0.015, 0.003, -0.007, 0.012, -0.001, 0.004]";

    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task Analyze_Series_ReturnsEveryMetricWithTheDocumentedConventions()
    {
        using var response = await Http.PostAsync("/trading/risk/analyze", Body($"{{\"returns\": {Series}}}"));
        var metrics = await response.ReadObject();

        // Expected values computed independently (Python standard library) from the conventions.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, (int?)metrics["count"]);
        AssertClose(0.18119602644649802, metrics["annualVolatility"]);
        AssertClose(2.781517949836592, metrics["sharpe"]);
        AssertClose(0.11905880899790659, metrics["downsideRisk"]);
        AssertClose(4.233202097703344, metrics["sortino"]);
        AssertClose(-0.02, metrics["maxDrawdown"]);
        AssertClose(0.6308600097349322, metrics["annualReturn"]);
        AssertClose(31.543000486746614, metrics["calmar"]);
        AssertClose(0.01545, metrics["var"]);
        AssertClose(0.02, metrics["cvar"]);
        AssertClose(0.016774814551623662, metrics["parametricVar"]);
        AssertClose(0.01926503537821426, metrics["cornishFisherVar"]);
        AssertClose(15.350877192982455, metrics["kelly"]);
    }

    [Fact]
    public async Task Analyze_NullsAndCustomConventions_DropNullsAndApplyThem()
    {
        var withNulls = "[0.01, null, -0.02, 0.015, 0.003, null, -0.007, 0.012, -0.001, 0.004]";

        var metrics = await (await Http.PostAsync("/trading/risk/analyze", Body($"{{\"returns\": {withNulls}, \"periodsPerYear\": 12, \"varConfidence\": 0.9}}"))).ReadObject();

        Assert.Equal(8, (int?)metrics["count"]);
        AssertClose(0.18119602644649802 / Math.Sqrt(252) * Math.Sqrt(12), metrics["annualVolatility"]);
    }

    [Fact]
    public async Task Analyze_NoDownside_SortinoIsNullWithANote()
    {
        var metrics = await (await Http.PostAsync("/trading/risk/analyze", Body("{\"returns\": [0.01, 0.02, 0.03]}"))).ReadObject();

        Assert.Null(metrics["sortino"]);
        Assert.NotNull((string?)metrics["notes"]!["sortino"]);
        Assert.Null(metrics["calmar"]);
        Assert.NotNull((string?)metrics["notes"]!["calmar"]);
    }

    [Theory]
    [InlineData("{\"returns\": [0.01, \"x\", 0.02]}", "returns[1]")]
    [InlineData("{\"returns\": [0.01, [1], 0.02]}", "returns[1]")]
    [InlineData("{\"returns\": \"0.01,0.02\"}", "returns")]
    [InlineData("{}", "returns")]
    [InlineData("{\"returns\": [0.01], \"periodsPerYear\": 0}", "periodsPerYear")]
    [InlineData("{\"returns\": [0.01], \"periodsPerYear\": 2.5}", "periodsPerYear")]
    [InlineData("{\"returns\": [0.01], \"varConfidence\": 1}", "varConfidence")]
    [InlineData("{\"returns\": [0.01], \"cvarConfidence\": \"high\"}", "cvarConfidence")]
    [InlineData("{\"returns\": [0.01], \"riskFreeRate\": 1e999}", "riskFreeRate")]
    [InlineData("[0.01, 0.02]", "body")]
    public async Task Analyze_BadInput_Returns400NamingTheField(string json, string field)
    {
        using var response = await Http.PostAsync("/trading/risk/analyze", Body(json));
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(problem["errors"]?[field]);
    }

    [Fact]
    public async Task Analyze_MoreThan100000Returns_Returns400()
    {
        var json = "{\"returns\": [" + string.Join(",", Enumerable.Repeat("0.001", 100_001)) + "]}";

        using var response = await Http.PostAsync("/trading/risk/analyze", Body(json));
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100000", (string?)problem["errors"]!["returns"]![0]);
    }

    [Fact]
    public async Task Metrics_AfterAFill_ShowsEquityExposureAndKelly()
    {
        await Http.PostOrder(Order("risk-live-1", "GBPUSD", "Buy", 0.5m), HttpStatusCode.Created);
        await Http.WaitForStatus("risk-live-1", "Filled");

        var risk = await Http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");
        var gbp = risk!["exposures"]!.AsArray().Single(e => (string?)e!["symbol"] == "GBPUSD")!;

        Assert.Equal("USD", (string?)risk["accountCurrency"]);
        Assert.Equal(0.95, (double?)risk["varConfidence"]);
        Assert.Equal(0.99, (double?)risk["cvarConfidence"]);
        Assert.Equal(1_000_000m, (decimal?)risk["capital"]);
        Assert.Equal((decimal)risk["capital"]! + (decimal)risk["realizedPnl"]! + (decimal)risk["unrealizedPnl"]!, (decimal?)risk["equity"]);
        Assert.True((decimal?)gbp["quantity"] >= 0.5m);
        Assert.True((decimal?)gbp["notional"] > 50_000m);
        Assert.NotNull(gbp["kelly"]!["fraction"]);
        Assert.True((decimal?)risk["exposureVar"] > 0m);
        Assert.NotNull(risk["metrics"]);
    }

    [Fact]
    public async Task Metrics_OnAFreshEmbeddedSilo_RightAfterAFirstFill_HaveTheBooksVarAndCvar_GrowingWithThePosition()
    {
        // The default embedded run: durable local storage, synthetic feed, paper broker; nothing traded before.
        var data = Directory.CreateTempSubdirectory("aria-risk-").FullName;
        try
        {
            await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_STORAGE"] = null, ["ARIA_DATA_DIR"] = data });
            await host.Http.PostOrder(Order("fresh-1", "EURUSD", "Buy", 0.5m), HttpStatusCode.Created);
            await host.Http.WaitForStatus("fresh-1", "Filled");
            var half = await host.Http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");
            await host.Http.PostOrder(Order("fresh-2", "EURUSD", "Buy", 1m), HttpStatusCode.Created);
            await host.Http.WaitForStatus("fresh-2", "Filled");
            var more = await host.Http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");

            var book = more!["book"]!;
            Assert.Equal("historical simulation", (string?)book["method"]);
            Assert.Equal(252, (int?)book["scenarios"]);
            Assert.Equal(252, (int?)book["lookbackDays"]);
            Assert.NotNull((string?)book["windowEnd"]);
            Assert.NotNull((string?)book["asOf"]);
            Assert.True((decimal?)half!["varAmount"] > 0m, $"VaR with 0.5 lots: {half["varAmount"]}");
            Assert.True((decimal?)half["cvarAmount"] > 0m, $"CVaR with 0.5 lots: {half["cvarAmount"]}");
            Assert.True((decimal?)more["varAmount"] > (decimal?)half["varAmount"], $"VaR {half["varAmount"]} with 0.5 lots, {more["varAmount"]} with 1.5");
            Assert.True((decimal?)more["cvarAmount"] > (decimal?)half["cvarAmount"]);
            Assert.Equal((decimal?)more["varAmount"], (decimal?)book["var"]);
            Assert.True((double?)book["varOfEquity"] > 0.0);
            Assert.True((decimal?)book["parametricVar"] > 0m);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void AssertClose(double expected, JsonNode? actual)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(expected - (double)actual) <= 1e-10 * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual}");
    }
}
