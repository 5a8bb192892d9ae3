using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Events;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>
/// What an attacker or a careless client sends, over real sockets: each is refused with a 400
/// problem naming what to fix (or a 409 / 401 / 403 where that is the answer), and nothing changes.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class HostileInputTests(HostileInputTests.Fixture fixture) : IClassFixture<HostileInputTests.Fixture>
{
    private const string ListedOrigin = "https://desk.example.test";

    private HttpClient Http => fixture.Host.Http;

    public static TheoryData<string, string, string> WrongSidesAndTypes => new()
    {
        { "Buy,Sell", "Market", "side" },
        { "Buy, Buy, Sell", "Market", "side" },
        { "Sell,Buy", "Market", "side" },
        { " Buy", "Market", "side" },
        { "Buy ", "Market", "side" },
        { "1", "Market", "side" },
        { "0", "Market", "side" },
        { "\u017Fell", "Market", "side" },
        { "Buy", "Market,Limit", "type" },
        { "Buy", "Limit,Market", "type" },
        { "Buy", "2", "type" },
    };

    [Theory]
    [MemberData(nameof(WrongSidesAndTypes))]
    public async Task PostOrder_SideOrTypeNotExactlyOneName_400NamesTheFieldAndNoOrderExists(string side, string type, string field)
    {
        var id = $"hostile-enum-{Guid.NewGuid():N}"[..30];

        var problem = await PostExpecting(Order(id, side: side, type: type), HttpStatusCode.BadRequest);

        Assert.Contains($"{field} must be exactly", (string?)problem["errors"]![field]![0]);
        await AssertNoOrder(id);
    }

    [Theory]
    [InlineData("buy", "market", "Buy", "Market")]
    [InlineData("SELL", "MARKET", "Sell", "Market")]
    public async Task PostOrder_NameInAnotherCase_Accepted(string side, string type, string storedSide, string storedType)
    {
        var id = $"hostile-case-{Guid.NewGuid():N}"[..30];

        var order = await Http.PostOrder(Order(id, side: side, type: type, quantity: 0.01m), HttpStatusCode.Created);

        Assert.Equal(storedSide, (string?)order["side"]);
        Assert.Equal(storedType, (string?)order["type"]);
    }

    [Theory]
    [InlineData("id\n")]
    [InlineData("id\r\n")]
    [InlineData(" id ")]
    [InlineData("id ")]
    [InlineData("\tid")]
    [InlineData("id\u0000")]
    [InlineData("id\u001b[31m")]
    [InlineData("\u0456d")]
    public async Task PostOrder_ClientOrderIdWithWhitespaceOrControls_400AndNoOrderBesideTheCleanId(string id)
    {
        var clean = $"hostile-id-{Guid.NewGuid():N}"[..28];
        await Http.PostOrder(Order(clean, quantity: 0.01m), HttpStatusCode.Created);

        var problem = await PostExpecting(Order(id.Replace("id", clean, StringComparison.Ordinal), quantity: 0.01m), HttpStatusCode.BadRequest);

        Assert.Contains("clientOrderId may contain only", (string?)problem["errors"]!["clientOrderId"]![0]);
        var again = await Http.PostOrder(Order(clean, quantity: 0.01m), HttpStatusCode.OK);
        Assert.Equal(0.01m, (decimal?)again["quantity"]);
    }

    [Theory]
    [InlineData("0.010000000000000000000000000001")]
    [InlineData("1.0000000000000000000000000000001")]
    [InlineData("1e-40")]
    [InlineData("0.01000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    public async Task PostOrder_QuantityBeyondDecimalPrecision_400NothingRounded(string quantity)
    {
        var id = $"hostile-qty-{Guid.NewGuid():N}"[..30];
        var body = $$"""{"clientOrderId":"{{id}}","symbol":"EURUSD","side":"Buy","quantity":{{quantity}},"type":"Market"}""";

        var problem = await PostExpecting(body, HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!["quantity"] is not null, problem.ToJsonString());
        await AssertNoOrder(id);
    }

    [Theory]
    [InlineData("1e-2", 0.01)]
    [InlineData("0.010", 0.01)]
    [InlineData("1.5E0", 1.5)]
    public async Task PostOrder_QuantityExactInAnyNotation_Accepted(string quantity, double expected)
    {
        var id = $"hostile-exact-{Guid.NewGuid():N}"[..30];
        var body = $$"""{"clientOrderId":"{{id}}","symbol":"GBPUSD","side":"Buy","quantity":{{quantity}},"type":"Market"}""";

        var order = await Http.PostOrder(body, HttpStatusCode.Created);

        Assert.Equal((decimal)expected, (decimal?)order["quantity"]);
    }

    [Theory]
    [InlineData("\"quantity\":0.01,\"quantity\":2")]
    [InlineData("\"side\":\"Sell\",\"side\":\"Buy\",\"quantity\":0.01")]
    [InlineData("\"quantity\":0.01,\"quantit\\u0079\":2")]
    public async Task PostOrder_FieldGivenTwice_400AndNoOrder(string fields)
    {
        var id = $"hostile-dup-{Guid.NewGuid():N}"[..30];
        var side = fields.Contains("\"side\"", StringComparison.Ordinal) ? "" : "\"side\":\"Buy\",";
        var body = $$"""{"clientOrderId":"{{id}}","symbol":"EURUSD",{{side}}{{fields}},"type":"Market"}""";

        var problem = await PostExpecting(body, HttpStatusCode.BadRequest);

        Assert.Contains("more than once", (string?)problem["detail"]);
        await AssertNoOrder(id);
    }

    [Theory]
    [InlineData("{\"clientOrderId\":\"@ID\",\"symbol\":\"\\ud800\"}", "symbol")]
    [InlineData("{\"clientOrderId\":\"\\udc00x\",\"symbol\":\"EURUSD\",\"side\":\"Buy\",\"quantity\":1,\"type\":\"Market\"}", "clientOrderId")]
    [InlineData("{\"clientOrderId\":\"@ID\",\"symbol\":\"EURUSD\",\"side\":\"\\ud800Buy\",\"quantity\":1,\"type\":\"Market\"}", "side")]
    public async Task PostOrder_LoneSurrogateEscape_400NamingTheFieldNot500(string body, string field)
    {
        var problem = await PostExpecting(body.Replace("@ID", $"hostile-sur-{Guid.NewGuid():N}"[..28], StringComparison.Ordinal), HttpStatusCode.BadRequest);

        Assert.Contains("surrogate", (string?)problem["errors"]![field]![0]);
    }

    [Theory]
    [InlineData("/trading/orders")]
    [InlineData("/auth/token")]
    [InlineData("/security/api-keys")]
    [InlineData("/trading/risk/analyze")]
    [InlineData("/trading/symbols/EURUSD/circuit-breaker/halt")]
    public async Task Post_InvalidUtf8InAString_400ProblemNot500(string path)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"apiKey\":\"x\",\"name\":\"n\",\"reason\":\"r\",\"returns\":[0.01],\"clientOrderId\":\"a\"}").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'x') + 1, [0xFF, 0xFE]);
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var client = path == "/auth/token" ? fixture.Host.Anonymous : Http;

        using var response = await client.PostAsync(path, content);
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid UTF-8", (string?)problem["detail"]);
    }

    [Fact]
    public async Task PostOrder_SameIdDifferentOrder_409NamesTheFieldsAndTheFirstStands()
    {
        var id = $"hostile-reuse-{Guid.NewGuid():N}"[..30];
        var first = await Http.PostOrder(Order(id, "USDJPY", "Buy", 0.01m), HttpStatusCode.Created);

        var other = await PostExpecting(Order(id, "USDJPY", "Sell", 0.02m), HttpStatusCode.Conflict);
        var otherSymbol = await PostExpecting(Order(id, "EURUSD", "Buy", 0.01m), HttpStatusCode.Conflict);
        var same = await Http.PostOrder(Order(id, "usdjpy", "buy", 0.010m), HttpStatusCode.OK);

        Assert.Equal(["side", "quantity"], other["fields"]!.AsArray().Select(f => (string?)f));
        Assert.Contains("differs in side, quantity", (string?)other["detail"]);
        Assert.Equal(["symbol"], otherSymbol["fields"]!.AsArray().Select(f => (string?)f));
        Assert.Equal((string?)first["createdAt"], (string?)same["createdAt"]);
        Assert.Equal("Buy", (string?)same["side"]);
        Assert.Equal(0.01m, (decimal?)same["quantity"]);
    }

    [Fact]
    public async Task PostOrder_SameIdDifferentLimitPrice_409NamesLimitPrice()
    {
        var id = $"hostile-limit-{Guid.NewGuid():N}"[..30];
        string Limit(decimal price) =>
            $$"""{"clientOrderId":"{{id}}","symbol":"EURUSD","side":"Buy","quantity":0.01,"type":"Limit","limitPrice":{{price}}}""";
        await Http.PostOrder(Limit(0.5m), HttpStatusCode.Created);

        var problem = await PostExpecting(Limit(0.6m), HttpStatusCode.Conflict);

        Assert.Equal(["limitPrice"], problem["fields"]!.AsArray().Select(f => (string?)f));
    }

    private async Task<HttpStatusCode> ConnectWithOrigin(string? origin, string? bearer = null, string query = "")
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        if (bearer is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {bearer}");
        }

        using var timeout = new CancellationTokenSource(EventClient.ReceiveLimit);
        try
        {
            await socket.ConnectAsync(EventClient.Address(Http.BaseAddress!, query), timeout.Token);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (WebSocketException)
        {
            // The status code says why.
        }

        return socket.HttpStatusCode;
    }

    private async Task<JsonObject> PostExpecting(string json, HttpStatusCode expected)
    {
        using var response = await Http.PostAsync("/trading/orders", Body(json));
        var body = await response.ReadObject();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    private async Task AssertNoOrder(string id)
    {
        using var response = await Http.GetAsync($"/trading/orders/{Uri.EscapeDataString(id)}");
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"order {id} answered {response.StatusCode}");
    }

    /// <summary>A default host that also lets <see cref="ListedOrigin"/> open /ws.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_WS_ORIGINS"] = ListedOrigin });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
