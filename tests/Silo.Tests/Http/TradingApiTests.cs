using AriaPro.Core.Trading;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Integration")]
public sealed class TradingApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task PostOrder_New_Returns201WithOrderAndLocation()
    {
        using var response = await Http.PostAsync("/trading/orders", Body(Order("http-new-1", "GBPUSD", "Sell", 0.5m)));
        var order = await response.ReadObject();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/trading/orders/http-new-1", response.Headers.Location?.OriginalString);
        Assert.Equal("http-new-1", (string?)order["clientOrderId"]);
        Assert.Equal("GBPUSD", (string?)order["symbol"]);
        Assert.Equal("Sell", (string?)order["side"]);
        Assert.Equal(0.5m, (decimal?)order["quantity"]);
        Assert.Equal(0m, (decimal?)order["filledQuantity"]);
        Assert.Equal("Submitted", (string?)order["status"]);
        var filled = await Http.WaitForStatus("http-new-1", "Filled");
        Assert.Equal(0.5m, (decimal?)filled["filledQuantity"]);
        Assert.True((decimal?)filled["averagePrice"] > 1m);
    }

    [Fact]
    public async Task PostOrder_RepeatedClientOrderId_Returns200WithFirstOrderAndTradesOnce()
    {
        var before = await Position("USDJPY");

        var first = await Http.PostOrder(Order("http-dup-1", "USDJPY", "Buy", 1m), HttpStatusCode.Created);
        await Http.WaitForStatus("http-dup-1", "Filled");
        var second = await Http.PostOrder(Order("http-dup-1", "USDJPY", "Buy", 1m), HttpStatusCode.OK);
        var different = await Http.PostOrder(Order("http-dup-1", "USDJPY", "Sell", 0.3m), HttpStatusCode.Conflict);
        var after = await Position("USDJPY");

        Assert.Equal((string?)first["createdAt"], (string?)second["createdAt"]);
        Assert.Equal("Buy", (string?)second["side"]);
        Assert.Equal(1m, (decimal?)second["quantity"]);
        Assert.Equal(["side", "quantity"], different["fields"]!.AsArray().Select(f => (string?)f));
        Assert.Equal(before + 1m, after);
    }

    [Fact]
    public async Task PostOrder_BeyondPositionLimit_DeniedWithReason()
    {
        var order = await Http.PostOrder(Order("http-limit-1", "EURUSD", "Buy", 3m), HttpStatusCode.Created);

        Assert.Equal("Denied", (string?)order["status"]);
        Assert.Contains("position limit exceeded: EURUSD limit is 2 lots", (string?)order["reason"]);
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { "{\"clientOrderId\":\"bad-a\",", "body" },
        { "[1,2,3]", "body" },
        { "", "body" },
        { "{\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Market\"}", "clientOrderId" },
        { "{\"clientOrderId\":\"bad-b\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Market\"}", "symbol" },
        { "{\"clientOrderId\":\"bad-c\",\"symbol\":\"EURUSD\",\"quantity\":1,\"type\":\"Market\"}", "side" },
        { "{\"clientOrderId\":\"bad-d\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"type\":\"Market\"}", "quantity" },
        { "{\"clientOrderId\":\"bad-e\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1}", "type" },
        { "{\"clientOrderId\":\"bad-f\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":0,\"type\":\"Market\"}", "quantity" },
        { "{\"clientOrderId\":\"bad-g\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":-1,\"type\":\"Market\"}", "quantity" },
        { "{\"clientOrderId\":\"bad-h\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":\"NaN\",\"type\":\"Market\"}", "quantity" },
        { "{\"clientOrderId\":\"bad-i\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":NaN,\"type\":\"Market\"}", "body" },
        { "{\"clientOrderId\":\"bad-j\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1e400,\"type\":\"Market\"}", "quantity" },
        { "{\"clientOrderId\":\"bad-k\",\"symbol\":\"XAUUSD\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Market\"}", "symbol" },
        { "{\"clientOrderId\":\"bad-l\",\"symbol\":\"EURUSD\",\"side\":\"Hold\",\"quantity\":1,\"type\":\"Market\"}", "side" },
        { "{\"clientOrderId\":\"bad-m\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Limit\"}", "limitPrice" },
        { "{\"clientOrderId\":\"bad-n\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Stop\"}", "type" },
        { "{\"clientOrderId\":\"bad o\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Market\"}", "clientOrderId" },
        { "{\"clientOrderId\":\"bad-p\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":0.001,\"type\":\"Market\"}", "quantity" },
        { "{\"clientOrderId\":\"bad-q\",\"symbol\":\"EURUSD\",\"side\":1,\"quantity\":1,\"type\":\"Market\"}", "side" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task PostOrder_BadInput_Returns400NamingFieldAndRecordsNothing(string json, string field)
    {
        var positionsBefore = await Http.GetStringAsync("/trading/positions");

        using var response = await Http.PostAsync("/trading/orders", Body(json));
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (int?)problem["status"]);
        Assert.NotNull(problem["errors"]?[field]);
        Assert.NotEqual(HttpStatusCode.OK, (await Http.GetAsync($"/trading/orders/{BadId(json)}")).StatusCode);
        Assert.Equal(positionsBefore, await Http.GetStringAsync("/trading/positions"));
    }

    [Fact]
    public async Task PostOrder_BodyOver64KiB_Returns400()
    {
        var padding = new string(' ', 65 * 1024);
        using var response = await Http.PostAsync("/trading/orders", Body($"{{\"clientOrderId\":\"big-1\",{padding}\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Market\"}}"));
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than 64 KiB", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/trading/orders/big-1")).StatusCode);
    }

    [Fact]
    public async Task GetOrder_Unknown_Returns404Problem()
    {
        using var response = await Http.GetAsync("/trading/orders/never-used");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DeleteOrder_RestingLimit_CancelsThenFinishedOrderIsConflict()
    {
        var quote = await fixture.Host.Grains.GetGrain<Grains.Interfaces.MarketData.IMarketDataGrain>("GBPUSD").GetQuote();
        var json = $"{{\"clientOrderId\":\"http-cancel-1\",\"symbol\":\"GBPUSD\",\"side\":\"Sell\",\"quantity\":0.5,\"type\":\"Limit\",\"limitPrice\":{quote.Ask * 2m}}}";
        await Http.PostOrder(json, HttpStatusCode.Created);
        await Http.WaitForStatus("http-cancel-1", "Accepted");

        using var cancel = await Http.DeleteAsync("/trading/orders/http-cancel-1");
        var cancelled = await cancel.ReadObject();
        using var again = await Http.DeleteAsync("/trading/orders/http-cancel-1");
        using var unknown = await Http.DeleteAsync("/trading/orders/never-submitted");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task GetSymbol_Known_ReturnsLimitsBreakerAndTimeout()
    {
        // The feed moves on every second: read the market's volatility on both sides of the call
        // until it held still, so the timeout shown must be the one computed from it.
        var market = fixture.Host.Grains.GetGrain<AriaPro.Grains.Interfaces.MarketData.IMarketDataGrain>("EURUSD");
        JsonObject? symbol;
        double before, after;
        do
        {
            before = (await market.GetVolatility()).Ratio;
            symbol = await Http.GetFromJsonAsync<JsonObject>("/trading/symbols/eurusd");
            after = (await market.GetVolatility()).Ratio;
        }
        while (!before.Equals(after));
        var expected = AriaPro.Core.Trading.AdaptiveTimeout.Compute(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), before);

        Assert.Equal("EURUSD", (string?)symbol!["symbol"]);
        Assert.Equal(2m, (decimal?)symbol["positionLimit"]);
        Assert.Equal("Active", (string?)symbol["tradingState"]);
        Assert.Equal(expected.TotalSeconds, (double)symbol["orderTimeoutSeconds"]!, 9);
        Assert.Equal("Closed", (string?)symbol["circuitBreaker"]!["state"]);
        Assert.Equal(0, (int?)symbol["circuitBreaker"]!["consecutiveFailures"]);
    }

    [Fact]
    public async Task GetSymbol_Unknown_Returns404Problem()
    {
        using var response = await Http.GetAsync("/trading/symbols/XAUUSD");
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EURUSD, GBPUSD, USDJPY", (string?)problem["detail"]);
    }

    [Fact]
    public async Task CircuitBreaker_HaltResumeReset_ControlOrders()
    {
        var halted = await (await Http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/halt", Body("{\"reason\":\"news at 14:30\"}"))).ReadObject();
        var denied = await Http.PostOrder(Order("http-halt-1", "USDJPY", "Sell"), HttpStatusCode.Created);
        var resumed = await (await Http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/resume", null)).ReadObject();
        var reset = await (await Http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/reset", null)).ReadObject();

        Assert.Equal("Isolated", (string?)halted["circuitBreaker"]!["state"]);
        Assert.Equal("Denied", (string?)denied["status"]);
        Assert.Contains("news at 14:30", (string?)denied["reason"]);
        Assert.Equal("Closed", (string?)resumed["circuitBreaker"]!["state"]);
        Assert.Equal("Closed", (string?)reset["circuitBreaker"]!["state"]);
    }

    [Fact]
    public async Task TradingState_BadValue_Returns400AndKeepsState()
    {
        using var response = await Http.PutAsync("/trading/symbols/GBPUSD/trading-state", Body("{\"state\":\"Sleeping\"}"));
        var symbol = await Http.GetFromJsonAsync<JsonObject>("/trading/symbols/GBPUSD");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Active", (string?)symbol!["tradingState"]);
    }

    [Fact]
    public async Task Health_LiveAndReady_Return200()
    {
        var live = await Http.GetAsync("/health/live");
        var ready = await Http.GetFromJsonAsync<JsonObject>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (string?)ready!["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["cluster"]!["status"]);
    }

    [Fact]
    public async Task Dashboard_ServesTheOrleansDashboard()
    {
        using var response = await Http.GetAsync("/dashboard/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<decimal> Position(string symbol)
    {
        var positions = await Http.GetFromJsonAsync<JsonArray>("/trading/positions");
        return (decimal)positions!.Single(p => (string?)p!["symbol"] == symbol)!["quantity"]!;
    }

    private static string BadId(string json)
    {
        var start = json.IndexOf("\"clientOrderId\":\"", StringComparison.Ordinal);
        return start < 0 ? "no-id" : Uri.EscapeDataString(json[(start + 17)..json.IndexOf('"', start + 17)]);
    }
}
