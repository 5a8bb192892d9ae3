using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Load.Operations;

/// <summary>
/// The HTTP platform baseline: a minimal-API app of its own in this process, on 127.0.0.1 with a
/// port the system picks, whose one endpoint answers 200 with a short body. No authentication, no
/// middleware: what Kestrel and routing cost on this machine in this run.
/// </summary>
public sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Base address of the app.</summary>
    public Uri Address { get; }

    public static async Task<BareEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => TypedResults.Text("ok"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BareEndpoint(app, new Uri(address));
    }

    /// <summary>The baseline operation against this app.</summary>
    public LoadOperation Operation(HttpClient client) =>
        new(OperationNames.BareEndpoint, "http", "GET / on a bare minimal-API app in this process (no auth, no middleware)",
            async _ => await HttpOperations.GetAsync(client, "/"), Baseline: null, IsBaseline: true);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
