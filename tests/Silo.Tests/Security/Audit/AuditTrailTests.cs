using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Security.Audit;

/// <summary>Every audited action performed over HTTP appears in the audit file, by key id and without secrets.</summary>
[Trait("Category", "Integration")]
public sealed class AuditTrailTests(AuditHostFixture fixture) : IClassFixture<AuditHostFixture>
{
    private static readonly TimeSpan EventLimit = TimeSpan.FromSeconds(15);

    private TestHost Host => fixture.Host;

    private string Path => fixture.AuditPath;

    private string AdminToken => Host.Http.DefaultRequestHeaders.Authorization!.Parameter!;

    [Fact]
    public async Task IssueToken_ValidKey_RecordsTokenIssuedByKeyIdWithoutKeyOrToken()
    {
        var (id, apiKey) = await CreateKeyAsync("viewer");
        using var anonymous = Host.Anonymous;

        var token = await TestAuth.TokenAsync(anonymous, apiKey);

        var entry = await AuditFile.WaitForAsync(Path, "token_issued", e => (string?)e["principal"] == id);
        Assert.Equal("POST", (string?)entry["method"]);
        Assert.Equal("/auth/token", (string?)entry["path"]);
        Assert.Equal("127.0.0.1", (string?)entry["remoteIp"]);
        Assert.NotNull((string?)entry["details"]!["jti"]);
        AuditFile.AssertNoSecrets(Path, TestAuth.AdminKey, AdminToken, apiKey, token);
    }

    [Fact]
    public async Task IssueToken_UnknownKey_RecordsAuthenticationFailedWithoutTheKey()
    {
        var bogus = $"aria_000000000000_{Guid.NewGuid():N}";
        using var anonymous = Host.Anonymous;

        using var response = await anonymous.PostAsync("/auth/token", Body($$"""{"apiKey":"{{bogus}}"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = await AuditFile.WaitForAsync(Path, "authentication_failed", e => (string?)e["path"] == "/auth/token");
        Assert.Equal("anonymous", (string?)entry["principal"]);
        AuditFile.AssertNoSecrets(Path, bogus, TestAuth.AdminKey);
    }

    [Fact]
    public async Task ProtectedEndpoint_NoToken_RecordsAuthenticationFailed()
    {
        var path = $"/trading/orders/audit-anonymous-{Guid.NewGuid():N}";
        using var anonymous = Host.Anonymous;

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = await AuditFile.WaitForAsync(Path, "authentication_failed", e => (string?)e["path"] == path);
        Assert.Equal("anonymous", (string?)entry["principal"]);
        Assert.Contains("bearer token is required", (string?)entry["outcome"]);
    }

    [Fact]
    public async Task AdminEndpoint_ViewerToken_RecordsAccessDeniedWithMissingRole()
    {
        var (id, apiKey) = await CreateKeyAsync("viewer");
        using var viewer = await ClientAsync(apiKey);
        var path = $"/security/api-keys/audit-{Guid.NewGuid():N}";

        using var response = await viewer.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entry = await AuditFile.WaitForAsync(Path, "access_denied", e => (string?)e["path"] == path);
        Assert.Equal(id, (string?)entry["principal"]);
        Assert.Equal("admin", (string?)entry["details"]!["requiredRole"]);
        AuditFile.AssertNoSecrets(Path, apiKey, viewer.DefaultRequestHeaders.Authorization!.Parameter!);
    }

    [Fact]
    public async Task ApiKeys_CreatedAndRevoked_RecordsBothByAdminWithTheKeyId()
    {
        var (id, apiKey) = await CreateKeyAsync("trader");

        using var response = await Host.Http.DeleteAsync($"/security/api-keys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var created = await AuditFile.WaitForAsync(Path, "api_key_created", e => (string?)e["details"]!["keyId"] == id);
        var revoked = await AuditFile.WaitForAsync(Path, "api_key_revoked", e => (string?)e["details"]!["keyId"] == id);
        Assert.Equal("admin", (string?)created["principal"]);
        Assert.Equal("trader", (string?)created["details"]!["roles"]);
        Assert.Equal("admin", (string?)revoked["principal"]);
        AuditFile.AssertNoSecrets(Path, apiKey, TestAuth.AdminKey, AdminToken);
    }

    [Fact]
    public async Task RotateJwt_ByAdmin_RecordsTheNewKid()
    {
        using var response = await Host.Http.PostAsync("/security/rotate-jwt", Body("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kid = (string?)(await response.ReadObject())["currentKid"];
        var entry = await AuditFile.WaitForAsync(Path, "jwt_rotated", e => (string?)e["details"]!["kid"] == kid);
        Assert.Equal("admin", (string?)entry["principal"]);
    }

    [Fact]
    public async Task RevokeToken_ByAdmin_RecordsTheJti()
    {
        var jti = Guid.NewGuid().ToString("N");

        using var response = await Host.Http.PostAsync("/security/revoke", Body($$"""{"jti":"{{jti}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = await AuditFile.WaitForAsync(Path, "token_revoked", e => (string?)e["details"]!["jti"] == jti);
        Assert.Equal("admin", (string?)entry["principal"]);
    }

    [Fact]
    public async Task BreakerControl_HaltResumeReset_RecordsEachWithSymbolAndState()
    {
        var reason = $"audit test {Guid.NewGuid():N}";

        using (var halt = await Host.Http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/halt", Body($$"""{"reason":"{{reason}}"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        }

        using (var resume = await Host.Http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/resume", Body("{}")))
        {
            Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        }

        using (var reset = await Host.Http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/reset", Body("{}")))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        var halted = await AuditFile.WaitForAsync(Path, "breaker_halted", e => (string?)e["details"]!["reason"] == reason);
        var resumed = await AuditFile.WaitForAsync(Path, "breaker_resumed", e => (string?)e["path"] == "/trading/symbols/USDJPY/circuit-breaker/resume");
        var reset2 = await AuditFile.WaitForAsync(Path, "breaker_reset", e => (string?)e["path"] == "/trading/symbols/USDJPY/circuit-breaker/reset");
        Assert.Equal("USDJPY", (string?)halted["details"]!["symbol"]);
        Assert.Equal("Isolated", (string?)halted["details"]!["state"]);
        Assert.All([halted, resumed, reset2], e => Assert.Equal("admin", (string?)e["principal"]));
    }

    [Fact]
    public async Task SubmitOrder_ByTrader_RecordsClientOrderIdSymbolAndStatus()
    {
        var (id, apiKey) = await CreateKeyAsync("trader");
        using var trader = await ClientAsync(apiKey);
        var clientOrderId = $"audit-{Guid.NewGuid():N}"[..30];

        var order = await trader.PostOrder(Order(clientOrderId, "GBPUSD", "Sell", 0.5m), HttpStatusCode.Created);

        var entry = await AuditFile.WaitForAsync(Path, "order_submitted", e => (string?)e["details"]!["clientOrderId"] == clientOrderId);
        Assert.Equal(id, (string?)entry["principal"]);
        Assert.Equal("GBPUSD", (string?)entry["details"]!["symbol"]);
        Assert.Equal((string?)order["status"], (string?)entry["details"]!["status"]);
        AuditFile.AssertNoSecrets(Path, apiKey, trader.DefaultRequestHeaders.Authorization!.Parameter!);
    }

    [Fact]
    public async Task RateLimit_KeyKeepsHittingTheLimit_RecordsPenaltyForTheKeyId()
    {
        var (id, apiKey) = await CreateKeyAsync("viewer");
        using var viewer = await ClientAsync(apiKey);

        // Two admitted, then refusals until the strike locks the key out.
        for (var i = 0; i < AuditHostFixture.PositionsPerMinute + 6; i++)
        {
            using var response = await viewer.GetAsync("/trading/positions");
        }

        var entry = await AuditFile.WaitForAsync(Path, "rate_limit_penalty", e => (string?)e["principal"] == id);
        Assert.Equal("1", (string?)entry["details"]!["level"]);
        Assert.True(DateTimeOffset.Parse((string)entry["details"]!["until"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task SecurityEventStream_KeyCreated_PublishesSecurityEvent()
    {
        var received = new TaskCompletionSource<SecurityEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = Host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(AriaStreams.Provider)
            .GetStream<SecurityEvent>(StreamId.Create(AriaStreams.Namespace, AriaStreams.SecurityEvents));
        var name = $"stream-{Guid.NewGuid():N}";
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            if (e.Type == "api_key_created" && e.Details.GetValueOrDefault("name") == name)
            {
                received.TrySetResult(e);
            }

            return Task.CompletedTask;
        });

        try
        {
            using var response = await Host.Http.PostAsJsonAsync("/security/api-keys", new { name, roles = new[] { "viewer" } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (string?)(await response.ReadObject())["id"];

            var published = await received.Task.WaitAsync(EventLimit);

            Assert.Equal("admin", published.Principal);
            Assert.Equal(id, published.Details["keyId"]);
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private async Task<(string Id, string ApiKey)> CreateKeyAsync(string role)
    {
        using var response = await Host.Http.PostAsJsonAsync("/security/api-keys", new { name = $"audit {role}", roles = new[] { role } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObject();
        return ((string)body["id"]!, (string)body["apiKey"]!);
    }

    private async Task<HttpClient> ClientAsync(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Host.Http.BaseAddress, Timeout = Host.Http.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAuth.TokenAsync(client, apiKey));
        return client;
    }
}
