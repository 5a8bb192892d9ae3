using System.Net.WebSockets;
using AriaPro.Silo.Http;
using AriaPro.Silo.Security.Audit;

namespace AriaPro.Silo.Events;

/// <summary><c>GET /ws</c>: the live event stream, one JSON envelope per WebSocket text message.</summary>
public static class EventsApi
{
    /// <summary>
    /// Checks <paramref name="types"/> (comma-separated; absent means every type), upgrades to a
    /// WebSocket and serves it until it closes.
    /// </summary>
    public static async Task<IResult> ConnectAsync(HttpContext context, string? types, EventHub hub, EventStreamOptions options, IHostApplicationLifetime lifetime)
    {
        var subscription = EventTypeSet.All;
        if (types is not null)
        {
            var names = types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (EventTypeSet.TryParse(names, out var error) is not { } parsed)
            {
                return Problems.Invalid("types", error!);
            }

            subscription = parsed;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "WebSocket required",
                "GET /ws is a WebSocket endpoint: connect with a WebSocket client (Upgrade: websocket)");
        }

        if (WebSocketOrigin.Refusal(context.Request, options.AllowedOrigins) is { } refused)
        {
            context.Audit(AuditEventTypes.AccessDenied, "websocket origin refused", ("origin", refused));
            return Problems.Create(StatusCodes.Status403Forbidden, "Origin not allowed",
                $"a page on {refused} may not open /ws: only the facade's own origin and those in ARIA_WS_ORIGINS may");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = options.KeepAlive });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await hub.ServeAsync(socket, subscription, stopping.Token);
        return TypedResults.Empty;
    }
}
