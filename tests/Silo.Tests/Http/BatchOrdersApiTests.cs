using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>POST /trading/orders/batch over a real socket: each order answered as POST /trading/orders would answer it.</summary>
[Trait("Category", "Integration")]
public sealed class BatchOrdersApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task PostBatch_EachOrderGetsTheStatusItsSingleSubmitWouldHave()
    {
        var json = $$"""
            {"orders": [
              {{Order("hb-1", "EURUSD", "Buy", 0.5m)}},
              {{Order("hb-2", "gbpusd", "Sell", 0.25m)}},
              {"clientOrderId": "hb-3", "symbol": "EURUSD", "side": "Buy", "quantity": "lots", "type": "Market"},
              {{Order("hb-4", "EURUSD", "Buy", 0m)}},
              {{Order("hb-1", "EURUSD", "Buy", 0.5m)}},
              {{Order("hb-6", "XXXYYY", "Buy", 1m)}}
            ]}
            """;

        using var response = await Http.PostAsync("/trading/orders/batch", Body(json));
        var results = (await response.ReadObject())["results"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([201, 201, 400, 400, 409, 400], results.Select(r => (int)r!["status"]!));
        Assert.Equal(["hb-1", "hb-2", "hb-3", "hb-4", "hb-1", "hb-6"], results.Select(r => (string?)r!["clientOrderId"]));
        Assert.Equal("GBPUSD", (string?)results[1]!["order"]!["symbol"]);
        Assert.Equal("quantity", Assert.Single(results[2]!["problem"]!["errors"]!.AsObject()).Key);
        Assert.Equal("quantity", Assert.Single(results[3]!["problem"]!["errors"]!.AsObject()).Key);
        Assert.Contains("order 1 of this batch", (string?)results[4]!["problem"]!["detail"]);
        Assert.Contains("not traded here", (string?)results[5]!["problem"]!["errors"]!["symbol"]![0]);
        await Http.WaitForStatus("hb-1", "Filled");
        await Http.WaitForStatus("hb-2", "Filled");
        using var unused = await Http.GetAsync("/trading/orders/hb-4");
        Assert.Equal(HttpStatusCode.NotFound, unused.StatusCode);
    }

    [Fact]
    public async Task PostBatch_Again_EveryOrderIs200WithTheFirstOrder()
    {
        var json = $$"""{"orders": [{{Order("hb-again-1", "USDJPY", "Buy", 0.1m)}}, {{Order("hb-again-2", "USDJPY", "Sell", 0.1m)}}]}""";
        using var first = await Http.PostAsync("/trading/orders/batch", Body(json));
        using var again = await Http.PostAsync("/trading/orders/batch", Body(json));

        var firstResults = (await first.ReadObject())["results"]!.AsArray();
        var againResults = (await again.ReadObject())["results"]!.AsArray();

        Assert.Equal([201, 201], firstResults.Select(r => (int)r!["status"]!));
        Assert.Equal([200, 200], againResults.Select(r => (int)r!["status"]!));
        Assert.Equal(firstResults.Select(r => (string?)r!["order"]!["createdAt"]), againResults.Select(r => (string?)r!["order"]!["createdAt"]));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"orders": {}}""")]
    [InlineData("""{"orders": []}""")]
    public async Task PostBatch_BodyHoldingNoBatch_400NamingOrders(string json)
    {
        using var response = await Http.PostAsync("/trading/orders/batch", Body(json));
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"1 to {OrderRules.MaxBatchOrders} orders", (string?)problem["errors"]!["orders"]![0]);
    }

    [Fact]
    public async Task PostBatch_MoreThanTheLimit_400AndNoOrderExists()
    {
        var orders = Enumerable.Range(0, OrderRules.MaxBatchOrders + 1)
            .Select(i => JsonNode.Parse(Order($"hb-big-{i}", "EURUSD", "Buy", 0.01m))).ToArray();
        var json = new JsonObject { ["orders"] = new JsonArray(orders) }.ToJsonString();

        using var response = await Http.PostAsync("/trading/orders/batch", Body(json));
        using var first = await Http.GetAsync("/trading/orders/hb-big-0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
    }
}
