using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using AriaPro.Silo.Security;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Security;

/// <summary>Tokens and roles on the real facade over real sockets.</summary>
[Trait("Category", "Integration")]
public sealed class AuthTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "POST", "/trading/symbols/EURUSD/circuit-breaker/reset" },
        { "POST", "/trading/symbols/EURUSD/circuit-breaker/halt" },
        { "POST", "/trading/symbols/EURUSD/circuit-breaker/resume" },
        { "PUT", "/trading/symbols/EURUSD/trading-state" },
        { "POST", "/ai/models/reload" },
        { "POST", "/ai/models/trend/reset" },
        { "POST", "/ai/models/trend/isolate" },
        { "POST", "/security/api-keys" },
        { "GET", "/security/api-keys" },
        { "DELETE", "/security/api-keys/nope" },
        { "POST", "/security/rotate-jwt" },
        { "POST", "/security/revoke" },
    };

    [Fact]
    public async Task EveryEndpoint_WithoutToken_401ExceptHealthAndTokenIssue()
    {
        using var anonymous = Host.Anonymous;
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: Concrete(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

        var open = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body("{}") });
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                open.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");
        Assert.Contains(endpoints, e => e.Path.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.True(open.Count == 0, "reachable without a token:\n" + string.Join('\n', open));
        using var live = await anonymous.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task NoToken_401ProblemWithBearerChallenge()
    {
        using var anonymous = Host.Anonymous;

        using var response = await anonymous.GetAsync("/trading/positions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("bearer token is required", (string?)(await response.ReadObject())["detail"]);
    }

    [Fact]
    public async Task AlgNoneToken_401()
    {
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url($$"""{"sub":"admin","role":"admin","iss":"ariapro","aud":"ariapro","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}},"jti":"none-1"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, await Status($"{header}.{payload}."));
    }

    [Fact]
    public async Task UnknownKid_401()
    {
        var stranger = new JwtSigningKey("not-a-kid-of-ours", RandomBytes(), DateTimeOffset.UtcNow, null);

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(Sign(stranger, DateTimeOffset.UtcNow.AddHours(1))));
    }

    [Fact]
    public async Task TamperedPayload_401()
    {
        var viewerToken = await TokenFor(AriaRoles.Viewer);
        var parts = viewerToken.Split('.');
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])))!.AsObject();
        payload["role"] = AriaRoles.Admin;
        var tampered = $"{parts[0]}.{Base64Url(payload.ToJsonString())}.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(tampered, "/security/api-keys"));
    }

    [Fact]
    public async Task ExpiredToken_401()
    {
        var key = Host.Services.GetRequiredService<IJwtKeys>().Current;

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(Sign(key, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5))));
        Assert.Equal(HttpStatusCode.OK, await Status(Sign(key, DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5))));
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_ViewerOrTraderToken_403Problem(string method, string path)
    {
        foreach (var role in new[] { AriaRoles.Viewer, AriaRoles.Trader })
        {
            using var client = await TestAuth.ClientWithRolesAsync(Host.Http, role);

            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body("{}") });

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {method} {path} answered {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Viewer_ReadsButCannotTrade_TraderTrades()
    {
        using var viewer = await TestAuth.ClientWithRolesAsync(Host.Http, AriaRoles.Viewer);
        using var trader = await TestAuth.ClientWithRolesAsync(Host.Http, AriaRoles.Trader);

        using var read = await viewer.GetAsync("/trading/positions");
        using var refused = await viewer.PostAsync("/trading/orders", Body(Order("auth-v-1", quantity: 0.01m)));
        using var placed = await trader.PostAsync("/trading/orders", Body(Order("auth-t-1", quantity: 0.01m)));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
    }

    [Fact]
    public async Task ApiKey_RevokedKey_GetsNoToken_AndListShowsNoSecret()
    {
        using var created = await Host.Http.PostAsJsonAsync("/security/api-keys", new { name = "short-lived", roles = new[] { AriaRoles.Viewer } });
        var body = await created.ReadObject();
        var key = (string)body["apiKey"]!;
        using var anonymous = Host.Anonymous;

        var before = await TestAuth.TokenAsync(anonymous, key);
        using var revoked = await Host.Http.DeleteAsync($"/security/api-keys/{body["id"]}");
        using var after = await anonymous.PostAsync("/auth/token", Body($$"""{"apiKey":"{{key}}"}"""));
        var list = await Host.Http.GetStringAsync("/security/api-keys");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(string.IsNullOrEmpty(before));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("short-lived", list);
        Assert.DoesNotContain(key, list);
        Assert.DoesNotContain(key[^20..], list);
    }

    [Fact]
    public async Task CreateKey_BadRoles_400AndNothingCreated()
    {
        var before = await Host.Http.GetStringAsync("/security/api-keys");

        using var unknown = await Host.Http.PostAsJsonAsync("/security/api-keys", new { name = "bad", roles = new[] { "root" } });
        using var none = await Host.Http.PostAsJsonAsync("/security/api-keys", new { name = "bad", roles = Array.Empty<string>() });
        using var malformed = await Host.Http.PostAsync("/security/api-keys", Body("{\"name\":"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(before, await Host.Http.GetStringAsync("/security/api-keys"));
    }

    [Fact]
    public async Task LoginCookie_HttpOnlyStrict_AuthenticatesWithoutHeader()
    {
        using var handler = new HttpClientHandler { UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = Host.Http.BaseAddress };

        using var login = await browser.PostAsync("/auth/token", Body($$"""{"apiKey":"{{TestAuth.AdminKey}}","cookie":true}"""));
        using var dashboard = await browser.GetAsync("/trading/positions");

        var setCookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"{TokenService.Cookie}=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task IssueToken_BadKeyOrBody_401Or400()
    {
        using var anonymous = Host.Anonymous;

        using var wrong = await anonymous.PostAsync("/auth/token", Body("""{"apiKey":"aria_000000000000_nope"}"""));
        using var missing = await anonymous.PostAsync("/auth/token", Body("{}"));
        using var malformed = await anonymous.PostAsync("/auth/token", Body("not json"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    private async Task<string> TokenFor(string role)
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, role);
        using var anonymous = Host.Anonymous;
        return await TestAuth.TokenAsync(anonymous, key);
    }

    private async Task<HttpStatusCode> Status(string token, string path = "/trading/positions")
    {
        using var client = Host.Anonymous;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private static string Sign(JwtSigningKey key, DateTimeOffset expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TokenService.Issuer,
        Audience = TokenService.Audience,
        IssuedAt = (expires - TimeSpan.FromHours(1)).UtcDateTime,
        NotBefore = (expires - TimeSpan.FromHours(1)).UtcDateTime,
        Expires = expires.UtcDateTime,
        Subject = new ClaimsIdentity([new Claim("sub", "admin"), new Claim("jti", Guid.NewGuid().ToString("N")), new Claim("role", AriaRoles.Admin)]),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key.Secret) { KeyId = key.Kid }, SecurityAlgorithms.HmacSha256),
    });

    private static byte[] RandomBytes() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.StartsWith('/') ? pattern : "/" + pattern, @"\{[^}]*\}", m => m.Value.Contains("symbol", StringComparison.OrdinalIgnoreCase) ? "EURUSD" : "x");
}
