using AriaPro.Client;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Tests.Cluster;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AriaPro.Silo.Tests.Security;

/// <summary>
/// Mutual TLS on the Orleans ports (<c>ARIA_CLUSTER_TLS_CERT</c>, <c>ARIA_CLUSTER_TLS_CA</c>): a
/// client opens the gateway only with a certificate the deployment's authority issued, and silos
/// form a cluster over TLS.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ClusterTlsTests(ClusterTlsTests.Fixture fixture) : IClassFixture<ClusterTlsTests.Fixture>
{
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Sdk_CertificateFromTheAuthority_ConnectsAndTrades()
    {
        using var app = await SdkAsync(o => o.UseTls(fixture.Certificates.Issue("desk-app"), TestCertificates.Password, fixture.Certificates.AuthorityPem));
        var client = app.Services.GetRequiredService<IAriaProClient>();

        var submitted = await client.SubmitOrderAsync(new("tls-1", "EURUSD", OrderSide.Buy, 0.01m, OrderType.Market));
        var final = await client.WaitForFinalAsync("tls-1");

        Assert.False(submitted.Duplicate);
        Assert.Equal(OrderStatus.Filled, final.Status);
    }

    [Fact]
    public async Task Sdk_NoCertificate_CannotOpenTheGateway()
    {
        var failure = await StartFailureAsync(_ => { });

        Assert.Contains($"127.0.0.1:{fixture.Host.Settings.Hosting.GatewayPort}", failure.Message);
        Assert.Contains("client certificate", failure.Message);
    }

    [Fact]
    public async Task Sdk_CertificateFromAnotherAuthority_CannotOpenTheGateway()
    {
        using var stranger = new TestCertificates("Somebody else's CA");

        var failure = await StartFailureAsync(o => o.UseTls(stranger.Issue("intruder"), TestCertificates.Password, fixture.Certificates.AuthorityPem));

        Assert.Contains("did the silos' authority issue the client's certificate", failure.Message);
    }

    [Fact]
    public async Task Sdk_SiloCertificateNotFromTheAuthorityItTrusts_RefusesTheGateway()
    {
        // The client trusts another authority: the silo's certificate is refused, so a client never
        // talks to an impostor gateway.
        using var other = new TestCertificates("Another deployment's CA");

        var failure = await StartFailureAsync(o => o.UseTls(fixture.Certificates.Issue("desk-app-2"), TestCertificates.Password, other.AuthorityPem));

        Assert.IsType<AriaUnavailableException>(failure);
    }

    [Fact]
    public async Task PlainOrleansClient_NoTls_CannotConnect()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var hosting = fixture.Host.Settings.Hosting;
        builder.UseOrleansClient(c => c
            .UseLocalhostClustering(hosting.GatewayPort, hosting.ServiceId, hosting.ClusterId)
            .UseConnectionRetryFilter((_, _) => Task.FromResult(false)));
        using var plain = builder.Build();

        var failure = await Record.ExceptionAsync(() => plain.StartAsync());

        Assert.NotNull(failure);
    }

    [Fact]
    public async Task DeployScript_ItsCertificates_LetASiloAndTheSdkTalk()
    {
        var folder = Directory.CreateTempSubdirectory("aria-cluster-certs-").FullName;
        try
        {
            var script = Repository.PathOf("deploy", "cluster-certs.sh");
            var made = await ChildProcess.RunAsync("bash", [script, folder, "desk-app"], new Dictionary<string, string> { ["ARIA_CLUSTER_TLS_CERT_PASSWORD"] = "script-pw" });
            Assert.True(made.ExitCode == 0, made.Output);
            await using var silo = await TestHost.StartAsync(new Dictionary<string, string?>
            {
                ["ARIA_CLUSTER_TLS_CERT"] = Path.Combine(folder, "silo.pfx"),
                ["ARIA_CLUSTER_TLS_CERT_PASSWORD"] = "script-pw",
                ["ARIA_CLUSTER_TLS_CA"] = Path.Combine(folder, "ca.pem"),
            });
            using var app = await SdkAsync(o =>
            {
                o.GatewayPort = silo.Settings.Hosting.GatewayPort;
                o.UseTls(Path.Combine(folder, "desk-app.pfx"), "script-pw", Path.Combine(folder, "ca.pem"));
            });

            var symbol = await app.Services.GetRequiredService<IAriaProClient>().GetSymbolAsync("USDJPY");

            Assert.Equal("USDJPY", symbol.Symbol);
            var keyMode = OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException("the script is bash") : File.GetUnixFileMode(Path.Combine(folder, "ca.key"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, keyMode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task ClusterMode_TwoSiloProcessesOverTls_FormOneClusterThatServesTheSdk()
    {
        Skip.If(TwoSiloCluster.NoRedis is not null, TwoSiloCluster.NoRedis);
        var redis = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS")!;
        var id = $"tls-{Guid.NewGuid():N}";
        await using var a = ClusterNode.Create(NodeEnvironment(redis, id, "silo-a"));
        await using var b = ClusterNode.Create(NodeEnvironment(redis, id, "silo-b"));
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var app = await SdkAsync(o =>
        {
            o.Redis = redis;
            o.ClusterId = id;
            o.ServiceId = id;
            o.ApiKey = TestAuth.AdminKey;
            o.UseTls(fixture.Certificates.Issue("desk-cluster"), TestCertificates.Password, fixture.Certificates.AuthorityPem);
        });
        var management = app.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);

        // Both Active means each probed the other through its TLS silo port.
        Dictionary<SiloAddress, SiloStatus> hosts = [];
        var formed = await Poll.UntilAsync(async () =>
        {
            hosts = await management.GetHosts(onlyActive: true);
            return hosts.Keys.Select(h => h.Endpoint.Port).ToHashSet().SetEquals([a.SiloPort, b.SiloPort]);
        }, TimeSpan.FromSeconds(60));
        // The traders live on both silos: the fan-out crosses the TLS silo port.
        var positions = await app.Services.GetRequiredService<IAriaProClient>().GetPositionsAsync();

        Assert.True(formed, $"active silos {string.Join(", ", hosts.Keys)}, not ports {a.SiloPort} and {b.SiloPort}\nA: {a.Output}\nB: {b.Output}");
        Assert.Equal(["EURUSD", "GBPUSD", "USDJPY"], positions.Select(p => p.Symbol).Order());
        Assert.All(positions, p => Assert.Equal(0m, p.Quantity));
    }

    private Dictionary<string, string> NodeEnvironment(string redis, string id, string name)
    {
        var environment = new Dictionary<string, string>
        {
            ["ARIA_REDIS"] = redis,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_CLUSTER_ID"] = id,
            ["ARIA_SERVICE_ID"] = id,
            ["ARIA_AUTOTRADE"] = "0",
        };
        foreach (var (variable, value) in fixture.Certificates.SiloVariables(name))
        {
            environment[variable] = value!;
        }

        return environment;
    }

    private async Task<AriaUnavailableException> StartFailureAsync(Action<AriaProClientOptions> configure)
    {
        using var app = Build(o =>
        {
            configure(o);
            o.ConnectTimeout = RefusedWithin;
        });

        var failure = await Record.ExceptionAsync(() => app.StartAsync());

        return Assert.IsType<AriaUnavailableException>(failure is AriaUnavailableException ? failure : failure?.InnerException ?? failure);
    }

    private async Task<IHost> SdkAsync(Action<AriaProClientOptions> configure)
    {
        var app = Build(configure);
        await app.StartAsync();
        return app;
    }

    private IHost Build(Action<AriaProClientOptions> configure) => Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
        .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Critical))
        .ConfigureServices(s => s.AddAriaProClient(o =>
        {
            o.GatewayPort = fixture.Host.Settings.Hosting.GatewayPort;
            o.ApiKey = TestAuth.AdminKey;
            o.RetryFor = TimeSpan.Zero;
            configure(o);
        }))
        .Build();

    /// <summary>An embedded silo whose gateway and silo port speak mutual TLS, and the authority that issued its certificate.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestCertificates Certificates { get; } = new();

        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await TestHost.StartAsync(Certificates.SiloVariables("embedded-silo"));

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Certificates.Dispose();
        }
    }
}
