using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Client;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.Security.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Security;

/// <summary>
/// The gateway is a door like HTTP: a client through it, plain Orleans or the SDK, gets exactly
/// what its API key's roles allow, within the same rate limits, and what it changes is audited.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GatewayGuardTests(GatewayGuardTests.Fixture fixture) : IClassFixture<GatewayGuardTests.Fixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task PlainClient_NoCredentials_CannotCreateKeySubmitHaltRotateOrReadKeys()
    {
        using var plain = await PlainClientAsync(Host.Settings.Hosting.GatewayPort, Host.Settings.Hosting.ServiceId, Host.Settings.Hosting.ClusterId);

        await AssertRefusesEveryDoor(plain.Services.GetRequiredService<IClusterClient>(), Host);
    }

    [SkippableFact]
    public async Task PlainClient_ClusterMode_NoCredentials_CannotCreateKeySubmitHaltRotateOrReadKeys()
    {
        var redis = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");
        Skip.If(string.IsNullOrEmpty(redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var service = $"guard-{Guid.NewGuid():N}";
        await using var cluster = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ARIA_REDIS"] = redis,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_SERVICE_ID"] = service,
            ["ARIA_CLUSTER_ID"] = service,
        });
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(c =>
        {
            c.UseRedisClustering(redis);
            c.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (service, service));
        });
        using var plain = builder.Build();
        await plain.StartAsync();

        await AssertRefusesEveryDoor(plain.Services.GetRequiredService<IClusterClient>(), cluster);
    }

    [Fact]
    public async Task Sdk_ViewerKey_ReadsButSubmittingNeedsTrader()
    {
        using var app = await SdkAsync(await TestAuth.CreateKeyAsync(Host.Http, "viewer"));
        var client = app.Services.GetRequiredService<AriaProClient>();

        var symbol = await client.GetSymbolAsync("EURUSD");
        var refused = await Assert.ThrowsAsync<NotAuthorizedException>(
            () => client.SubmitOrderAsync(new("guard-viewer-1", "EURUSD", OrderSide.Buy, 0.01m, OrderType.Market)));

        Assert.Equal("EURUSD", symbol.Symbol);
        Assert.False(refused.Unauthenticated);
        Assert.Equal(AriaRoles.Trader, refused.RequiredRole);
        Assert.Contains("IOrderEntryGrain.Submit needs the role trader; the key has viewer", refused.Message);
        Assert.Null(await Host.Grains.GetGrain<IOrderGrain>("guard-viewer-1").Get());
    }

    [Fact]
    public async Task Sdk_TraderKey_SubmitsAndTheAuditNamesTheKey()
    {
        var (keyId, apiKey) = await CreateKeyAsync("trader");
        using var app = await SdkAsync(apiKey);
        var client = app.Services.GetRequiredService<AriaProClient>();

        var submitted = await client.SubmitOrderAsync(new("guard-trader-1", "GBPUSD", OrderSide.Buy, 0.01m, OrderType.Market));
        var entry = await AuditFile.WaitForAsync(fixture.AuditPath, "grain_call",
            e => (string?)e["principal"] == keyId && (string?)e["path"] == "IOrderEntryGrain.Submit");

        Assert.False(submitted.Duplicate);
        Assert.Equal("ok", (string?)entry["outcome"]);
        Assert.Equal("GRAIN", (string?)entry["method"]);
        Assert.Equal("guard-trader-1", (string?)entry["details"]!["clientOrderId"]);
    }

    [Fact]
    public async Task Sdk_AdminKey_HaltIsAuditedAndAnInternalMethodStaysClosed()
    {
        var (keyId, apiKey) = await CreateKeyAsync("admin");
        using var app = await SdkAsync(apiKey);
        var grains = app.Services.GetRequiredService<IClusterClient>();

        var halted = await app.Services.GetRequiredService<AriaProClient>().HaltAsync("USDJPY", "guard test");
        await app.Services.GetRequiredService<AriaProClient>().ResumeAsync("USDJPY");
        var entry = await AuditFile.WaitForAsync(fixture.AuditPath, "grain_call",
            e => (string?)e["principal"] == keyId && (string?)e["path"] == "ITraderGrain.HaltCircuitBreaker");
        var submitDirectly = await Assert.ThrowsAsync<NotAuthorizedException>(
            () => grains.GetGrain<ITraderGrain>("USDJPY").Submit(new("guard-internal-1", "USDJPY", OrderSide.Buy, 0.01m, OrderType.Market)));
        var sealedKeys = await Assert.ThrowsAsync<NotAuthorizedException>(() => grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetKeysSince(0));

        Assert.Equal(CircuitState.Isolated, halted.CircuitBreaker.State);
        Assert.Equal("ok", (string?)entry["outcome"]);
        Assert.Contains("internal to the cluster", submitDirectly.Message);
        Assert.Contains("IJwtKeyRingGrain.GetKeysSince is internal", sealedKeys.Message);
        Assert.Null(await Host.Grains.GetGrain<IOrderGrain>("guard-internal-1").Get());
    }

    [Fact]
    public async Task Sdk_AdminAcknowledgesAnAlert_TheAlertNamesTheKeyNotAClaimedName()
    {
        var (keyId, apiKey) = await CreateKeyAsync("admin");
        using var app = await SdkAsync(apiKey);
        var raised = await Host.Grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).Raise(
            new AlertSignal("guard-ack", "guard-ack", "raised by the gateway guard test", AlertSeverity.Info, "test",
                System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, 1, null, null, null, "manual", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)),
            TimeSpan.FromMinutes(5));

        // A plain call naming somebody else is recorded under the caller's own key all the same.
        var direct = await app.Services.GetRequiredService<IClusterClient>().GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).Acknowledge(raised.Id, "somebody-else");
        var sdk = await app.Services.GetRequiredService<IAriaProClient>().AcknowledgeAlertAsync(raised.Id);

        Assert.Equal(keyId, direct!.AcknowledgedBy);
        Assert.Equal(keyId, sdk!.AcknowledgedBy);
    }

    [Fact]
    public async Task Sdk_KeyDeleted_ItsNextCallIsRefused()
    {
        var (keyId, apiKey) = await CreateKeyAsync("viewer");
        using var app = await SdkAsync(apiKey);
        var client = app.Services.GetRequiredService<AriaProClient>();
        await client.GetPositionsAsync();

        using var deleted = await Host.Http.DeleteAsync($"/security/api-keys/{keyId}");
        var refused = await Assert.ThrowsAsync<NotAuthorizedException>(() => client.GetPositionsAsync());

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(refused.Unauthenticated);
        Assert.Contains("deleted", refused.Message);
    }

    [Fact]
    public async Task Sdk_UnknownSymbol_RefusedLikeHttpWithNoActivationAndNoAlert()
    {
        using var app = await SdkAsync(TestAuth.AdminKey);
        var client = app.Services.GetRequiredService<AriaProClient>();

        var read = await Assert.ThrowsAsync<ArgumentException>(() => client.GetSymbolAsync("XXXYYY"));
        var halt = await Assert.ThrowsAsync<ArgumentException>(() => client.HaltAsync("XXXYYY"));
        var signal = await Assert.ThrowsAsync<ArgumentException>(() => client.GetSignalAsync("XXXYYY"));
        using var http = await Host.Http.GetAsync("/trading/symbols/XXXYYY");
        var problem = await http.ReadObject();
        var management = Host.Grains.GetGrain<IManagementGrain>(0);
        var traders = await management.GetActiveGrains(GrainType.Create("trader"));
        var feeds = await management.GetActiveGrains(GrainType.Create("marketdata"));
        var alerts = await Host.Grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).GetAlerts();

        Assert.Equal((string?)problem["detail"], read.Message);
        Assert.Equal(read.Message, halt.Message);
        Assert.Equal(read.Message, signal.Message);
        Assert.DoesNotContain(traders, g => g.Key.ToString() == "XXXYYY");
        Assert.DoesNotContain(feeds, g => g.Key.ToString() == "XXXYYY");
        Assert.DoesNotContain(alerts.Active.Concat(alerts.Recent), a => a.Summary.Contains("XXXYYY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sdk_OverTheKeysLimit_RefusedAndHttpRequestsOfTheSameKeyCount()
    {
        var (_, apiKey) = await CreateKeyAsync("viewer", fixture.Limited);
        using var http = new HttpClient { BaseAddress = fixture.Limited.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await TestAuth.TokenAsync(http, apiKey));
        for (var i = 0; i < Fixture.RequestsPerMinute - 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/trading/positions")).StatusCode);
        }

        using var app = await SdkAsync(apiKey, fixture.Limited);
        var client = app.Services.GetRequiredService<AriaProClient>();
        await client.GetPositionsAsync();
        await client.GetPositionsAsync();
        var refused = await Assert.ThrowsAsync<CallRateLimitedException>(() => client.GetPositionsAsync());
        using var httpRefused = await http.GetAsync("/trading/positions");

        Assert.Equal("principal", refused.Limit);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, httpRefused.StatusCode);
    }

    // Each door a client without credentials might try, and that nothing changed behind it.
    private static async Task AssertRefusesEveryDoor(IClusterClient plain, TestHost host)
    {
        var keysBefore = await host.Grains.GetGrain<IApiKeyRegistryGrain>(0).List();
        var ringBefore = await host.Grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetView();
        var id = $"guard-plain-{Guid.NewGuid():N}"[..24];

        var refusals = new[]
        {
            await Refused(() => plain.GetGrain<IApiKeyRegistryGrain>(0).Create("back door", [AriaRoles.Admin])),
            await Refused(() => plain.GetGrain<IApiKeyRegistryGrain>(0).List()),
            await Refused(() => plain.GetGrain<IOrderEntryGrain>(0).Submit(new(id, "EURUSD", OrderSide.Buy, 0.01m, OrderType.Market))),
            await Refused(() => plain.GetGrain<IOrderGrain>(id).Submit(new(id, "EURUSD", OrderSide.Buy, 0.01m, OrderType.Market))),
            await Refused(() => plain.GetGrain<ITraderGrain>("EURUSD").HaltCircuitBreaker("back door")),
            await Refused(() => plain.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).Rotate("back door")),
            await Refused(() => plain.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetKeysSince(0)),
            await Refused(() => plain.GetGrain<ITradingDeskGrain>(0).GetPositions()),
            await Refused(() => plain.GetGrain<IManagementGrain>(0).GetHosts(true)),
        };

        Assert.All(refusals, r => Assert.True(r.Unauthenticated, r.Message));
        Assert.All(refusals, r => Assert.Contains("carries no credentials", r.Message));
        Assert.Equal(keysBefore.Count, (await host.Grains.GetGrain<IApiKeyRegistryGrain>(0).List()).Count);
        Assert.Equal(ringBefore.CurrentKid, (await host.Grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetView()).CurrentKid);
        Assert.Null(await host.Grains.GetGrain<IOrderGrain>(id).Get());
        Assert.Equal(CircuitState.Closed, (await host.Grains.GetGrain<ITraderGrain>("EURUSD").GetStatus()).CircuitBreaker.State);
    }

    private static async Task<NotAuthorizedException> Refused(Func<Task> call) => await Assert.ThrowsAsync<NotAuthorizedException>(call);

    private async Task<(string Id, string Key)> CreateKeyAsync(string role, TestHost? host = null)
    {
        using var response = await (host ?? Host).Http.PostAsJsonAsync("/security/api-keys", new { name = $"gateway {role}", roles = new[] { role } });
        var created = await response.ReadObject();
        return ((string)created["id"]!, (string)created["apiKey"]!);
    }

    private async Task<IHost> SdkAsync(string apiKey, TestHost? host = null)
    {
        var settings = (host ?? Host).Settings.Hosting;
        var app = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(s => s.AddAriaProClient(o =>
            {
                o.GatewayPort = settings.GatewayPort;
                o.ApiKey = apiKey;
                o.RetryFor = TimeSpan.Zero;
            }))
            .Build();
        await app.StartAsync();
        return app;
    }

    private static async Task<IHost> PlainClientAsync(int gatewayPort, string serviceId, string clusterId)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(c => c.UseLocalhostClustering(gatewayPort, serviceId, clusterId));
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }

    /// <summary>A host with an audit file, and one whose keys may make a few requests a minute.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public const int RequestsPerMinute = 6;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aria-guard-{Guid.NewGuid():N}");

        public TestHost Host { get; private set; } = null!;

        public TestHost Limited { get; private set; } = null!;

        public string AuditPath => Path.Combine(_folder, "audit.jsonl");

        public async Task InitializeAsync()
        {
            Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["ARIA_AUDIT_LOG"] = AuditPath });
            // A quiet load, whatever the machine does: the adaptive rule would shrink the limit on a busy one.
            Limited = await TestHost.StartAsync(
                new Dictionary<string, string?> { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = RequestsPerMinute.ToString() },
                services: s => s.AddSingleton<AriaPro.Silo.Security.RateLimiting.ILoadSampler>(new RateLimiting.SettableLoadSampler()));
        }

        public async Task DisposeAsync()
        {
            await Limited.DisposeAsync();
            await Host.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
