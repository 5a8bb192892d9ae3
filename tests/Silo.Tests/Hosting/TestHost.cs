using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
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
    private readonly HttpMessageHandler _handler;

    private TestHost(WebApplication app, AriaSettings settings, Uri address, HttpMessageHandler? handler)
    {
        _app = app;
        _handler = handler ?? new SocketsHttpHandler();
        Settings = settings;
        Http = Client(address);
    }

    public AriaSettings Settings { get; }

    /// <summary>A client carrying the admin's bearer token.</summary>
    public HttpClient Http { get; }

    /// <summary>A client with no token at all.</summary>
    public HttpClient Anonymous => Client(Http.BaseAddress!);

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The host's services (the silo's and the facade's).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The admin's bearer token (when the host was started authorized).</summary>
    public string Token => Http.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>
    /// Starts a host; <paramref name="environment"/> overrides the test defaults and
    /// <paramref name="services"/> the host's services (the last registration wins). Unless told
    /// not to, <see cref="Http"/> then carries the admin's token.
    /// </summary>
    public static async Task<TestHost> StartAsync(
        IDictionary<string, string?>? environment = null, HttpMessageHandler? handler = null, bool authorize = true, Action<IServiceCollection>? services = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ARIA_HTTP_URLS"] = "http://127.0.0.1:0",
            ["ARIA_SILO_PORT"] = LoopbackPorts.Free().ToString(),
            ["ARIA_GATEWAY_PORT"] = LoopbackPorts.Free().ToString(),
            ["ARIA_AUTOTRADE"] = "0",
            ["ARIA_PAPER_LATENCY_MS"] = "0",
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,

            // Tests that read the audit trail give each host its own file.
            ["ARIA_AUDIT_LOG"] = "none",
        };
        foreach (var (name, value) in TestAuth.GenerousRateLimits)
        {
            variables[name] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        // A throwaway store unless a test names one: tests never share the user's data folder.
        if (!variables.ContainsKey("ARIA_REDIS") && !variables.ContainsKey("ARIA_STORAGE"))
        {
            variables["ARIA_STORAGE"] = "memory";
        }

        var result = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var app = AriaProHost.Build(result.Settings!, services: services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new TestHost(app, result.Settings!, new Uri(address), handler);
        if (authorize)
        {
            await TestAuth.AuthorizeAsAdminAsync(host.Http);
        }

        return host;
    }

    private HttpClient Client(Uri address) => new(_handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _handler.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
