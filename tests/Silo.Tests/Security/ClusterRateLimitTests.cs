using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.Http;

namespace AriaPro.Silo.Tests.Security;

/// <summary>Two AriaPro silos on one Redis share every limit and every penalty.</summary>
[Trait("Category", "Integration")]
public sealed class ClusterRateLimitTests
{
    private const int Limit = 20;
    private const int Principals = 5;
    private const int Clients = 50;
    private const int RequestsPerClient = 10;
    private static readonly string? Redis = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");

    [SkippableFact]
    public async Task FiftyClientsOnTwoSilos_NoPrincipalAdmittedBeyondItsLimit_AndItsPenaltyHoldsOnBothSilos()
    {
        Skip.If(string.IsNullOrEmpty(Redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var cluster = $"limits-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string?>
        {
            ["ARIA_REDIS"] = Redis,
            ["ARIA_CLUSTER_ID"] = cluster,
            ["ARIA_SERVICE_ID"] = cluster,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = Limit.ToString(),
        };
        await using var a = await TestHost.StartAsync(environment);
        await using var b = await TestHost.StartAsync(environment);
        // One token per principal (tokens come from the anonymous limit of 127.0.0.1 too); each
        // principal's ten clients are split over both silos.
        var tokens = new List<string>();
        for (var i = 0; i < Principals; i++)
        {
            var host = i % 2 == 0 ? a : b;
            using var anonymous = host.Anonymous;
            tokens.Add(await TestAuth.TokenAsync(anonymous, await TestAuth.CreateKeyAsync(host.Http, "viewer")));
        }

        var clients = new List<(int Principal, HttpClient Http)>();
        for (var i = 0; i < Clients; i++)
        {
            var http = (i % 2 == 0 ? a : b).Anonymous;
            http.DefaultRequestHeaders.Authorization = new("Bearer", tokens[i % Principals]);
            clients.Add((i % Principals, http));
        }

        var admitted = new ConcurrentDictionary<int, int>();
        var refusals = new ConcurrentBag<(HttpStatusCode Status, bool RetryAfter, string? Limit)>();
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var r = 0; r < RequestsPerClient; r++)
            {
                using var response = await client.Http.GetAsync("/trading/symbols/EURUSD");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    admitted.AddOrUpdate(client.Principal, 1, (_, n) => n + 1);
                }
                else
                {
                    var problem = await response.ReadObject();
                    refusals.Add((response.StatusCode, response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), (string?)problem["limit"]));
                }
            }
        }));

        // Locked out now, on whichever silo the principal turns to.
        var afterwards = new List<JsonObject>();
        foreach (var (principal, http) in clients.Take(2 * Principals))
        {
            using var again = await http.GetAsync("/trading/symbols/EURUSD");
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
            afterwards.Add(await again.ReadObject());
        }

        foreach (var principal in Enumerable.Range(0, Principals))
        {
            Assert.InRange(admitted.GetValueOrDefault(principal), 1, Limit);
        }

        Assert.Equal(Clients * RequestsPerClient, admitted.Values.Sum() + refusals.Count);
        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.Status));
        Assert.All(refusals, r => Assert.True(r.RetryAfter));
        Assert.All(refusals, r => Assert.False(string.IsNullOrEmpty(r.Limit)));
        Assert.All(afterwards, p => Assert.True((int?)p["penaltyLevel"] >= 1, $"no penalty in {p.ToJsonString()}"));
        foreach (var (_, http) in clients)
        {
            http.Dispose();
        }
    }
}
