using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Events;

/// <summary><c>GET /ws</c> on one in-process host: authentication, the welcome, envelopes and subscriptions.</summary>
[Trait("Category", "Integration")]
public sealed class EventsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    private StreamPublisher Streams => new(Host.Services);

    private string Token => Host.Token;

    [Fact]
    public async Task Connect_BearerHeader_WelcomeNamesTheSiloAndEveryType()
    {
        await using var client = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!), Token);

        var welcome = await client.ReceiveAsync();

        Assert.Equal("welcome", (string?)welcome["type"]);
        Assert.Equal(Streams.Hub.Silo, (string?)welcome["data"]!["silo"]);
        Assert.Equal(["system_alert", "performance_metric", "circuit_breaker", "security_event", "order_update"],
            welcome["data"]!["types"]!.AsArray().Select(t => (string)t!));
        Assert.True(DateTimeOffset.TryParse((string?)welcome["timestamp"], out _));
    }

    [Fact]
    public async Task Connect_AccessTokenQuery_Welcome()
    {
        await using var client = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!, $"?access_token={Token}&types=circuit_breaker"));

        var welcome = await client.ReceiveAsync();

        Assert.Equal("welcome", (string?)welcome["type"]);
        Assert.Equal(["circuit_breaker"], welcome["data"]!["types"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public async Task Connect_NoToken_401()
    {
        var status = await EventClient.RefusedAsync(EventClient.Address(Host.Http.BaseAddress!));
        using var plain = await Host.Anonymous.GetAsync("/ws");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
    }

    [Fact]
    public async Task Connect_BadToken_401()
    {
        var status = await EventClient.RefusedAsync(EventClient.Address(Host.Http.BaseAddress!, "?access_token=not-a-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Get_NotAWebSocket_400Problem()
    {
        using var response = await Host.Http.GetAsync("/ws");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("WebSocket", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    [Fact]
    public async Task Connect_UnknownType_400ProblemBeforeUpgrade()
    {
        using var response = await Host.Http.GetAsync("/ws?types=circuit_breaker,bogus");
        var status = await EventClient.RefusedAsync(EventClient.Address(Host.Http.BaseAddress!, $"?access_token={Token}&types=bogus"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'bogus'", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task BreakerEventOnStream_ArrivesAsEnvelopeWithTheEventsTimeAndData()
    {
        await using var client = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!), Token);
        await client.ReceiveAsync("welcome");
        var published = StreamPublisher.Breaker("ENVELOPE", second: 7);

        await Streams.PublishAsync(AriaStreams.CircuitBreaker, published);
        var envelope = await client.ReceiveAsync("circuit_breaker", e => (string?)e["data"]!["name"] == "ENVELOPE");

        var data = envelope["data"]!;
        Assert.Equal(published.Time, DateTimeOffset.Parse((string)envelope["timestamp"]!));
        Assert.Equal("trader", (string?)data["source"]);
        Assert.Equal("Closed", (string?)data["from"]);
        Assert.Equal("Open", (string?)data["to"]);
        Assert.Equal(published.Reason, (string?)data["reason"]);
        Assert.Equal(published.Silo, (string?)data["silo"]);
        Assert.Equal(published.Time, DateTimeOffset.Parse((string)data["time"]!));
    }

    [Fact]
    public async Task TypesQuery_OrderUpdateOnly_SkipsBreakerDeliversOrder()
    {
        await using var witness = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!), Token);
        await using var orders = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!, "?types=order_update"), Token);
        await witness.ReceiveAsync("welcome");
        await orders.ReceiveAsync("welcome");

        // The hub offers an event to every client at once: once the witness has the breaker event,
        // the filtered client has been offered it too (or not).
        await Streams.PublishAsync(AriaStreams.CircuitBreaker, StreamPublisher.Breaker("FILTERED"));
        await witness.ReceiveAsync("circuit_breaker", e => (string?)e["data"]!["name"] == "FILTERED");
        await Streams.PublishAsync(AriaStreams.Orders, StreamPublisher.Order("ws-filter-1"));
        var next = await orders.ReceiveAsync();

        Assert.Equal("order_update", (string?)next["type"]);
        Assert.Equal("ws-filter-1", (string?)next["data"]!["clientOrderId"]);
        Assert.Equal("Filled", (string?)next["data"]!["status"]);
    }

    [Fact]
    public async Task SubscribeMessage_SwitchesFromOrdersToBreakers_AcknowledgedAndApplied()
    {
        await using var witness = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!), Token);
        await using var client = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!, "?types=order_update"), Token);
        await witness.ReceiveAsync("welcome");
        await client.ReceiveAsync("welcome");

        await client.SendAsync("""{"subscribe":["circuit_breaker"],"unsubscribe":["order_update"]}""");
        var subscribed = await client.ReceiveAsync();
        await Streams.PublishAsync(AriaStreams.Orders, StreamPublisher.Order("ws-switch-1"));
        await witness.ReceiveAsync("order_update", e => (string?)e["data"]!["clientOrderId"] == "ws-switch-1");
        await Streams.PublishAsync(AriaStreams.CircuitBreaker, StreamPublisher.Breaker("SWITCHED"));
        var next = await client.ReceiveAsync();

        Assert.Equal("subscribed", (string?)subscribed["type"]);
        Assert.Equal(["circuit_breaker"], subscribed["data"]!["types"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("circuit_breaker", (string?)next["type"]);
        Assert.Equal("SWITCHED", (string?)next["data"]!["name"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""["circuit_breaker"]""")]
    [InlineData("""{"subscribe":["bogus"]}""")]
    [InlineData("""{"subscribe":"circuit_breaker"}""")]
    [InlineData("""{"resubscribe":[]}""")]
    public async Task MalformedMessage_ErrorEnvelope_ConnectionStaysOpen(string message)
    {
        await using var client = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!, "?types="), Token);
        await client.ReceiveAsync("welcome");

        await client.SendAsync(message);
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"subscribe":["system_alert"]}""");
        var subscribed = await client.ReceiveAsync();

        Assert.Equal("error", (string?)error["type"]);
        Assert.False(string.IsNullOrEmpty((string?)error["data"]!["message"]));
        Assert.Equal("subscribed", (string?)subscribed["type"]);
        Assert.Equal(["system_alert"], subscribed["data"]!["types"]!.AsArray().Select(t => (string)t!));
    }
}
