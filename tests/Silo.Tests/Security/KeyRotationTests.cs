using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace AriaPro.Silo.Tests.Security;

/// <summary>Signing-key rotation and token revocation seen through the facade, on one silo and across two.</summary>
[Trait("Category", "Integration")]
public sealed class KeyRotationTests(ITestOutputHelper output)
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TokenSignedBeforeRotation_AcceptedInsideTheOverlap()
    {
        await using var host = await TestHost.StartAsync();
        var before = Kid(Token(host.Http));

        using var rotated = await host.Http.PostAsync("/security/rotate-jwt", null);
        using var still = await host.Http.GetAsync("/trading/positions");
        var fresh = await TestAuth.TokenAsync(host.Anonymous);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.NotEqual(before, Kid(fresh));
    }

    [Fact]
    public async Task TokenWhoseKeyLeftTheOverlap_401()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["JWT_SECRET_OVERLAP_HOURS"] = "0" });

        using var rotated = await host.Http.PostAsync("/security/rotate-jwt", null);
        using var refused = await host.Http.GetAsync("/trading/positions");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [SkippableFact]
    public async Task TokenRevokedOnOneSilo_RefusedOnTheOtherWithinASecondOrTwo()
    {
        Skip.If(string.IsNullOrEmpty(Redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var cluster = $"revoke-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string?>
        {
            ["ARIA_REDIS"] = Redis,
            ["ARIA_CLUSTER_ID"] = cluster,
            ["ARIA_SERVICE_ID"] = cluster,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
        };
        await using var first = await TestHost.StartAsync(environment);
        await using var second = await TestHost.StartAsync(environment);
        var token = Token(first.Http);
        using var victim = second.Anonymous;
        victim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var before = await victim.GetAsync("/trading/positions");

        using var revoked = await second.Http.PostAsync("/security/revoke", HttpJsonBody(new JsonObject { ["jti"] = Jti(token) }));
        // The admin's own token was just revoked: a fresh one for the rest of the test.
        await TestAuth.AuthorizeAsAdminAsync(first.Http);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await victim.GetAsync("/trading/positions");
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < SeenWithin);

        output.WriteLine($"revocation seen by the other silo after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static StringContent HttpJsonBody(JsonObject body) => Http.HttpJson.Body(body.ToJsonString());

    private static string Token(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;

    private static string Kid(string token) => (string)Part(token, 0)["kid"]!;

    private static string Jti(string token) => (string)Part(token, 1)["jti"]!;

    private static JsonObject Part(string token, int index) =>
        JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[index])))!.AsObject();
}
