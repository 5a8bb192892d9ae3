using System.Net;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Events;

/// <summary>Events the running system raises by itself reach <c>/ws</c>: no test publishes them.</summary>
[Trait("Category", "Integration")]
public sealed class LiveEventsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task FailedLogin_ArrivesAsSecurityEventNamingTheFailure()
    {
        await using var client = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!, "?types=security_event"), Host.Token);
        await client.ReceiveAsync("welcome");

        using var refused = await Host.Anonymous.PostAsync("/auth/token", Body("""{"apiKey":"aria_nope_not-a-key"}"""));
        var envelope = await client.ReceiveAsync("security_event", e => (string?)e["data"]!["path"] == "/auth/token");

        var data = envelope["data"]!;
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("authentication_failed", (string?)data["type"]);
        Assert.Equal("POST", (string?)data["method"]);
        Assert.Contains("API key", (string?)data["outcome"]);
    }

    [Fact]
    public async Task MonitoringLoop_PublishesAPerformanceDigestWithTheSilosFigures()
    {
        await using var client = await EventClient.ConnectAsync(EventClient.Address(Host.Http.BaseAddress!, "?types=performance_metric"), Host.Token);
        await client.ReceiveAsync("welcome");

        var first = await client.ReceiveAsync("performance_metric");
        var second = await client.ReceiveAsync("performance_metric");

        var values = first["data"]!["values"]!.AsObject();
        Assert.False(string.IsNullOrEmpty((string?)first["data"]!["silo"]));
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.True(double.IsFinite((double)v.Value!), $"{v.Key} = {v.Value}"));
        Assert.True(DateTimeOffset.Parse((string)second["timestamp"]!) > DateTimeOffset.Parse((string)first["timestamp"]!), "the second digest is not newer than the first");
    }
}
