using System.Net;
using System.Text.Json;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Security;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

/// <summary>The middleware on a real loopback socket with the in-memory store and a fake clock.</summary>
[Trait("Category", "Integration")]
public sealed class RateLimitingMiddlewareTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SettableLoadSampler _load = new();

    [Fact]
    public async Task Request_OverPrincipalLimit_Is429WithRetryAfterAndProblemNamingTheLimit()
    {
        await using var app = await Start(new RateLimitOptions { RequestsPerMinute = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            statuses.Add((await Get(app, "/other", "k1")).StatusCode);
        }

        using var refused = await Get(app, "/other", "k1");
        var problem = await Problem(refused);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("principal", problem.GetProperty("limit").GetString());
        Assert.Contains("principal limit of 2 requests per minute for key:k1", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Request_OverEndpointLimit_NamesTheRoutePattern()
    {
        await using var app = await Start(new RateLimitOptions { EndpointLimits = Endpoints("GET /items/{id}=1") });

        using var first = await Get(app, "/items/1", "k1");
        using var refused = await Get(app, "/items/2", "k1");
        using var otherClient = await Get(app, "/items/2", "k2");
        var problem = await Problem(refused);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal("endpoint", problem.GetProperty("limit").GetString());
        Assert.Contains("endpoint limit of 1 requests per minute on GET /items/{id}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Request_OverGlobalLimit_RefusesEveryPrincipal()
    {
        await using var app = await Start(new RateLimitOptions { GlobalPerMinute = 1 });

        using var first = await Get(app, "/other", "k1");
        using var refused = await Get(app, "/other", "k2");
        var problem = await Problem(refused);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("global", problem.GetProperty("limit").GetString());
        Assert.Contains("global limit of 1 requests per minute", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Request_Unauthenticated_IsLimitedByClientAddress()
    {
        await using var app = await Start(new RateLimitOptions { RequestsPerMinute = 1 });

        using var first = await Get(app, "/other", null);
        using var refused = await Get(app, "/other", null);
        using var authenticated = await Get(app, "/other", "k1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("for ip:127.0.0.1", (await Problem(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
    }

    [Fact]
    public async Task Request_Health_IsNeverLimited()
    {
        await using var app = await Start(new RateLimitOptions { RequestsPerMinute = 1, GlobalPerMinute = 1 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await Get(app, "/health/live", "k1");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Request_RepeatedRefusals_ImposePenaltyTellObserverAndNameLevelAndEnd()
    {
        await using var app = await Start(new RateLimitOptions { RequestsPerMinute = 1 });
        (await Get(app, "/other", "k1")).Dispose();
        (await Get(app, "/other", "k1")).Dispose();
        (await Get(app, "/other", "k1")).Dispose();

        using var third = await Get(app, "/other", "k1");
        _time.Advance(TimeSpan.FromSeconds(10));
        using var locked = await Get(app, "/other", "k1");
        var problem = await Problem(locked);

        var until = _time.GetUtcNow() + TimeSpan.FromSeconds(50);
        Assert.Equal(new PenaltyImposed("key:k1", 1, until), Assert.Single(app.Penalties.Imposed));
        Assert.Contains("penalty level 1", (await Problem(third)).GetProperty("detail").GetString());
        Assert.Equal("penalty", problem.GetProperty("limit").GetString());
        Assert.Equal(1, problem.GetProperty("penaltyLevel").GetInt32());
        Assert.Contains("locked out until 2026-11-25T12:01:00Z", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(50), locked.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Request_UnderLoad_LimitsAreHalved()
    {
        _load.Load = new LoadSample(0.85, 0);
        await using var app = await Start(new RateLimitOptions { RequestsPerMinute = 4 });

        using var first = await Get(app, "/other", "k1");
        using var second = await Get(app, "/other", "k1");
        using var third = await Get(app, "/other", "k1");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("principal limit of 2 requests", (await Problem(third)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Request_FromDeniedAddress_Is403ProblemEvenForHealthyLimits()
    {
        await using var app = await Start(new RateLimitOptions { IpDeny = [IPNetwork.Parse("127.0.0.0/8")] });

        using var refused = await Get(app, "/other", "k1");
        using var health = await Get(app, "/health/live", "k1");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("127.0.0.1", (await Problem(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(app.Admissions);
    }

    [Fact]
    public async Task Request_OutsideAllowList_Is403()
    {
        await using var app = await Start(new RateLimitOptions { IpAllow = [IPNetwork.Parse("10.0.0.0/8")] });

        using var refused = await Get(app, "/other", "k1");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private Task<RateLimitTestApp> Start(RateLimitOptions options) =>
        RateLimitTestApp.StartAsync(options, redis: null, services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<ILoadSampler>(_load);
        });

    internal static async Task<HttpResponseMessage> Get(RateLimitTestApp app, string path, string? client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (client is not null)
        {
            request.Headers.Add(TestAuthHandler.Header, client);
        }

        return await app.Http.SendAsync(request);
    }

    internal static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static IReadOnlyDictionary<string, int> Endpoints(string raw)
    {
        Assert.True(EndpointLimitsParser.TryParse(raw, out var limits, out var problem), problem);
        return limits;
    }
}
