using System.Diagnostics.Metrics;
using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.Options;

namespace AriaPro.Silo.Events;

/// <summary>Wires the live event stream: the hub and <c>GET /ws</c>.</summary>
public static class EventsExtensions
{
    /// <summary>Registers the event hub (started with the host) and its options.</summary>
    public static IServiceCollection AddAriaEvents(this IServiceCollection services, EventStreamOptions? options = null)
    {
        options ??= new EventStreamOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(sp => new EventEnvelope(sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions));
        services.AddSingleton(sp => new EventHub(
            sp.GetRequiredService<IClusterClient>(),
            sp.GetRequiredService<ILocalSiloDetails>(),
            sp.GetRequiredService<EventEnvelope>(),
            sp.GetRequiredService<EventStreamOptions>(),
            sp.GetRequiredService<IMeterFactory>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<EventHub>>()));
        services.AddHostedService(sp => sp.GetRequiredService<EventHub>());
        return services;
    }

    /// <summary>Accepts WebSockets and maps <c>GET /ws</c> for viewers.</summary>
    public static WebApplication MapAriaEvents(this WebApplication app)
    {
        app.UseWebSockets();
        app.MapGet("/ws", EventsApi.ConnectAsync).RequireAuthorization(AriaRoles.Viewer);
        return app;
    }
}
