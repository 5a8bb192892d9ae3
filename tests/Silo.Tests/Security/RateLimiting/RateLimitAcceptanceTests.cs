using System.Net;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Security;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

/// <summary>
/// Issue 6's acceptance: two independent apps (two silos' facades) on real loopback sockets share
/// one Redis. Windows are shrunk through the options so the test runs in seconds.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RateLimitAcceptanceTests
{
    private const int Clients = 50;
    private const int RequestsPerClient = 20;

    [SkippableFact]
    public async Task TwoApps_50ConcurrentClients_NeverAdmitMoreThanAnyLimitPerWindow()
    {
        Skip.If(string.IsNullOrEmpty(RedisRateLimitStoreTests.Endpoint), RedisRateLimitStoreTests.SkipReason);
        var options = Options(TimeSpan.FromSeconds(2), principal: 4, endpoint: 2, global: 60);
        await using var a = await Start(options);
        await using var b = await Start(options);

        var responses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var results = new List<(HttpStatusCode Status, TimeSpan? RetryAfter, string? Type, string? Limit, string? Detail)>();
            for (var i = 0; i < RequestsPerClient; i++)
            {
                using var response = await RateLimitingMiddlewareTests.Get(i % 2 == 0 ? a : b, i % 4 < 2 ? "/work" : "/other", $"client-{c}");
                var problem = response.StatusCode == HttpStatusCode.OK ? (System.Text.Json.JsonElement?)null : await RateLimitingMiddlewareTests.Problem(response);
                results.Add((response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType,
                    problem?.GetProperty("limit").GetString(), problem?.GetProperty("detail").GetString()));
            }

            return results;
        })));
        var all = responses.SelectMany(r => r).ToList();
        var admissions = a.Admissions.Concat(b.Admissions).ToList();

        Assert.Equal(all.Count(r => r.Status == HttpStatusCode.OK), admissions.Count);
        Assert.NotEmpty(a.Admissions);
        Assert.NotEmpty(b.Admissions);
        Assert.All(all.Where(r => r.Status != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.Status);
            Assert.True(r.RetryAfter >= TimeSpan.FromSeconds(1), "Retry-After of at least one whole second");
            Assert.Equal("application/problem+json", r.Type);
            Assert.Contains(r.Limit, new[] { "principal", "endpoint", "global", "penalty" });
            Assert.StartsWith("Rate limit hit: ", r.Detail);
            Assert.Contains(r.Limit == "penalty" ? "penalty level" : $"{r.Limit} limit of", r.Detail);
        });
        Assert.Contains(all, r => r.Status == HttpStatusCode.TooManyRequests);
        AssertSlidingWindow(admissions.Select(x => x.At), options.GlobalPerMinute, options.Window, "global");
        foreach (var principal in admissions.GroupBy(x => x.Principal))
        {
            AssertSlidingWindow(principal.Select(x => x.At), options.RequestsPerMinute, options.Window, principal.Key);
            AssertSlidingWindow(principal.Where(x => x.Endpoint == "GET /work").Select(x => x.At), 2, options.Window, principal.Key + " GET /work");
        }
    }

    [SkippableFact]
    public async Task TwoApps_PenaltyImposedViaA_IsEnforcedOnBAndEscalatesThere()
    {
        Skip.If(string.IsNullOrEmpty(RedisRateLimitStoreTests.Endpoint), RedisRateLimitStoreTests.SkipReason);
        var options = Options(TimeSpan.FromSeconds(30), principal: 2, endpoint: 100, global: 1000);
        options.PenaltyDurations = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)];
        await using var a = await Start(options);
        await using var b = await Start(options);

        var onA = await Send(a, 5);
        using var lockedOnB = await RateLimitingMiddlewareTests.Get(b, "/other", "p");
        var lockedOnBProblem = await RateLimitingMiddlewareTests.Problem(lockedOnB);
        await Task.Delay(lockedOnB.Headers.RetryAfter!.Delta!.Value);
        var onB = await Send(b, 3);
        using var lockedOnA = await RateLimitingMiddlewareTests.Get(a, "/other", "p");
        var lockedOnAProblem = await RateLimitingMiddlewareTests.Problem(lockedOnA);

        Assert.Equal(["200", "200", "principal", "principal", "penalty 1"], onA);
        Assert.Equal("penalty", lockedOnBProblem.GetProperty("limit").GetString());
        Assert.Equal(1, lockedOnBProblem.GetProperty("penaltyLevel").GetInt32());
        Assert.Equal(["principal", "principal", "penalty 2"], onB);
        Assert.Equal(2, lockedOnAProblem.GetProperty("penaltyLevel").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(2), lockedOnA.Headers.RetryAfter?.Delta);
        Assert.Equal([("key:p", 1)], a.Penalties.Imposed.Select(p => (p.Principal, p.Level)));
        Assert.Equal([("key:p", 2)], b.Penalties.Imposed.Select(p => (p.Principal, p.Level)));
    }

    // Admitted at t means fewer than `limit` admissions in (t - window, t]: so the admission `limit`
    // places later in time must be at least one window after this one.
    private static void AssertSlidingWindow(IEnumerable<DateTimeOffset> admitted, int limit, TimeSpan window, string partition)
    {
        var times = admitted.Order().ToList();
        for (var i = 0; i + limit < times.Count; i++)
        {
            Assert.True(times[i + limit] - times[i] >= window,
                $"{partition}: {limit + 1} admissions within {(times[i + limit] - times[i]).TotalMilliseconds} ms, limit {limit} per {window.TotalSeconds} s");
        }
    }

    private static async Task<List<string>> Send(RateLimitTestApp app, int count)
    {
        var outcomes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await RateLimitingMiddlewareTests.Get(app, "/other", "p");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                outcomes.Add("200");
                continue;
            }

            var problem = await RateLimitingMiddlewareTests.Problem(response);
            var limit = problem.GetProperty("limit").GetString()!;
            outcomes.Add(limit == "penalty" ? $"penalty {problem.GetProperty("penaltyLevel").GetInt32()}" : limit);
        }

        return outcomes;
    }

    private static RateLimitOptions Options(TimeSpan window, int principal, int endpoint, int global)
    {
        Assert.True(EndpointLimitsParser.TryParse($"GET /work={endpoint}", out var endpoints, out _));
        return new RateLimitOptions
        {
            Window = window,
            RequestsPerMinute = principal,
            EndpointLimits = endpoints,
            GlobalPerMinute = global,
            StrikeWindow = window,
            StrikeMemory = TimeSpan.FromMinutes(5),
            PenaltyDurations = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)],
            RedisKeyPrefix = $"test:rl:{{{Guid.NewGuid():N}}}:",
        };
    }

    private static Task<RateLimitTestApp> Start(RateLimitOptions options) =>
        RateLimitTestApp.StartAsync(options, RedisRateLimitStoreTests.Endpoint, services =>
            services.AddSingleton<ILoadSampler>(new SettableLoadSampler()));
}
