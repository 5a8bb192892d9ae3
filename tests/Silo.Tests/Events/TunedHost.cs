using System.Net.Http.Headers;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Events;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Http;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.Events;

/// <summary>
/// The AriaPro host wired as <see cref="AriaProHost.Build"/> wires it, with the event stream's
/// options replaced (a tiny queue makes a slow client overflow within a few events).
/// </summary>
public sealed class TunedHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TunedHost(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client carrying the admin's bearer token.</summary>
    public HttpClient Http { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The admin's bearer token.</summary>
    public string Token => Http.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>Starts a host whose event stream uses <paramref name="options"/>.</summary>
    public static async Task<TunedHost> StartAsync(EventStreamOptions options)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ARIA_HTTP_URLS"] = "http://127.0.0.1:0",
            ["ARIA_SILO_PORT"] = FreePort.Next().ToString(),
            ["ARIA_GATEWAY_PORT"] = FreePort.Next().ToString(),
            ["ARIA_AUTOTRADE"] = "0",
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,
            ["ARIA_AUDIT_LOG"] = "none",
        };
        foreach (var (name, value) in TestAuth.GenerousRateLimits)
        {
            variables[name] = value;
        }

        var result = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddAriaProSilo(result.Settings!);
        builder.AddAriaProFacade(result.Settings!);

        // The last registration wins: the hub is built with these.
        builder.Services.AddSingleton(options);
        var app = builder.Build();
        app.MapAriaProFacade();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new TunedHost(app, new Uri(address));
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAuth.TokenAsync(host.Http));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
