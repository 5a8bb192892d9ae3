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

/// <summary>Hostile input beyond orders: API keys, halt reasons and WebSocket origins.</summary>
public sealed partial class HostileInputTests
{
    [Fact]
    public async Task DeleteApiKey_ItsTokenIsRefusedAtOnceAndCanPlaceNoOrder()
    {
        using var created = await Http.PostAsJsonAsync("/security/api-keys", new { name = "short-lived desk", roles = new[] { "trader" } });
        var key = await created.ReadObject();
        using var desk = new HttpClient { BaseAddress = Http.BaseAddress };
        desk.DefaultRequestHeaders.Authorization = new("Bearer", await TestAuth.TokenAsync(desk, (string)key["apiKey"]!));
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsync("/trading/orders", Body(Order($"hostile-key-{Guid.NewGuid():N}"[..30], quantity: 0.01m)))).StatusCode);

        using var deleted = await Http.DeleteAsync($"/security/api-keys/{(string)key["id"]!}");
        var id = $"hostile-gone-{Guid.NewGuid():N}"[..30];
        using var refused = await desk.PostAsync("/trading/orders", Body(Order(id, quantity: 0.01m)));
        var problem = await refused.ReadObject();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("deleted", (string?)problem["detail"]);
        await AssertNoOrder(id);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/trading/positions")).StatusCode);
    }

    [Theory]
    [InlineData("desk\n[20:00:00 INF] AriaPro: forged line")]
    [InlineData("desk\u001b[2J")]
    [InlineData("desk\u202Eevil")]
    [InlineData(" desk")]
    [InlineData("desk\t")]
    [InlineData("")]
    public async Task CreateApiKey_NameWithControlsOrEdgeWhitespace_400AndNoKeyCreated(string name)
    {
        var before = await Http.GetFromJsonAsync<JsonArray>("/security/api-keys");

        using var response = await Http.PostAsJsonAsync("/security/api-keys", new { name, roles = new[] { "viewer" } });
        var problem = await response.ReadObject();
        var after = await Http.GetFromJsonAsync<JsonArray>("/security/api-keys");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]!["name"]);
        Assert.Equal(before!.Count, after!.Count);
    }

    [Theory]
    [InlineData("news\nforged")]
    [InlineData("news\u001b[31m")]
    public async Task Halt_ReasonWithControls_400AndBreakerUnchanged(string reason)
    {
        var before = await Http.GetFromJsonAsync<JsonObject>("/trading/symbols/GBPUSD");

        using var response = await Http.PostAsJsonAsync("/trading/symbols/GBPUSD/circuit-breaker/halt", new { reason });
        var after = await Http.GetFromJsonAsync<JsonObject>("/trading/symbols/GBPUSD");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((string?)before!["circuitBreaker"]!["state"], (string?)after!["circuitBreaker"]!["state"]);
    }

    [Theory]
    [InlineData("https://evil.example.test")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("null")]
    [InlineData("https://desk.example.test.evil.test")]
    public async Task Ws_ForeignOrigin_403WithTokenInQueryOrHeader(string origin)
    {
        var inQuery = await ConnectWithOrigin(origin, query: $"?access_token={fixture.Host.Token}");
        var inHeader = await ConnectWithOrigin(origin, bearer: fixture.Host.Token);

        Assert.Equal(HttpStatusCode.Forbidden, inQuery);
        Assert.Equal(HttpStatusCode.Forbidden, inHeader);
    }

    [Fact]
    public async Task Ws_OwnOriginListedOriginOrNone_Upgrades()
    {
        var own = await ConnectWithOrigin($"http://{Http.BaseAddress!.Authority}", bearer: fixture.Host.Token);
        var listed = await ConnectWithOrigin(ListedOrigin, bearer: fixture.Host.Token);
        var none = await ConnectWithOrigin(null, bearer: fixture.Host.Token);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, own);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, listed);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, none);
    }
}
