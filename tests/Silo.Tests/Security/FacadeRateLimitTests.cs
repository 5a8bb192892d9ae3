using System.Net;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.Http;

namespace AriaPro.Silo.Tests.Security;

/// <summary>The limiter as the facade runs it: keyed on the token's principal, health never limited, a denied address refused.</summary>
[Trait("Category", "Integration")]
public sealed class FacadeRateLimitTests
{
    [Fact]
    public async Task PerPrincipalLimit_ExceededByOneKey_429WithRetryAfter_OtherKeyAndHealthUnaffected()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "5" });
        using var viewer = await TestAuth.ClientWithRolesAsync(host.Http, "viewer");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await viewer.GetAsync("/trading/positions");
            statuses.Add(response.StatusCode);
        }

        using var refused = await viewer.GetAsync("/trading/positions");
        var problem = await refused.ReadObject();
        using var health = await viewer.GetAsync("/health/live");
        using var other = await TestAuth.ClientWithRolesAsync(host.Http, "viewer");
        using var otherAnswer = await other.GetAsync("/trading/positions");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("limit", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
    }

    [Fact]
    public async Task DeniedAddress_403EvenForTheAdminKey_HealthStillOpen()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_IP_DENY"] = "127.0.0.0/8" }, authorize: false);

        using var token = await host.Http.PostAsync("/auth/token", HttpJson.Body($$"""{"apiKey":"{{TestAuth.AdminKey}}"}"""));
        using var health = await host.Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
