using Microsoft.AspNetCore.Builder;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// The real AriaPro host, started in this process on loopback sockets with its own free silo,
/// gateway and HTTP ports, configured through the same environment variables as production.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, AriaSettings settings, Uri address)
    {
        _app = app;
        Settings = settings;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public AriaSettings Settings { get; }

    public HttpClient Http { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The host's (and its silo's) services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="environment"/> overrides the test defaults.</summary>
    public static async Task<TestHost> StartAsync(IDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ARIA_HTTP_URLS"] = "http://127.0.0.1:0",
            ["ARIA_SILO_PORT"] = FreePort.Next().ToString(),
            ["ARIA_GATEWAY_PORT"] = FreePort.Next().ToString(),
            ["ARIA_AUTOTRADE"] = "0",
            ["ARIA_PAPER_LATENCY_MS"] = "0",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var result = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var app = AriaProHost.Build(result.Settings!);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, result.Settings!, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
