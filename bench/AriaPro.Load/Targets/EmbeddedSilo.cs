using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace AriaPro.Load.Targets;

/// <summary>
/// The whole AriaPro host (silo, facade, feeds) started inside the generator's process, as
/// <c>AriaProHost</c> builds it for the settings of <see cref="SiloEnvironment"/>: embedded mode
/// (localhost clustering, in-memory storage, or the durable store with ARIA_LOAD_DATA_DIR) or, with a Redis, a cluster member.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedSilo(WebApplication app, Uri http, int gatewayPort)
    {
        _app = app;
        HttpAddress = http;
        GatewayPort = gatewayPort;
    }

    /// <summary>The facade's base address.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The silo's client gateway port on localhost.</summary>
    public int GatewayPort { get; }

    /// <summary>The host's services (meters, rate limiter).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<EmbeddedSilo> StartAsync(IReadOnlyList<string> symbols, string? redis, string? masterKey)
    {
        var (http, silo, gateway) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        var environment = SiloEnvironment.For(symbols, http, silo, gateway, autoTrade: false, redis, masterKey);
        var loaded = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(environment!).Build());
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException("The embedded silo's settings are invalid: " + string.Join("; ", loaded.Errors));
        }

        var app = AriaProHost.Build(loaded.Settings!);
        await app.StartAsync();
        return new EmbeddedSilo(app, new Uri($"http://127.0.0.1:{http}"), gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
