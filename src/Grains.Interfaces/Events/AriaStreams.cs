namespace AriaPro.Grains.Interfaces.Events;

/// <summary>Names of the Orleans streams AriaPro publishes events on.</summary>
public static class AriaStreams
{
    /// <summary>The stream provider.</summary>
    public const string Provider = "events";

    /// <summary>The stream namespace.</summary>
    public const string Namespace = "aria";

    /// <summary>Key of the stream of <see cref="CircuitBreakerEvent"/>s (WebSocket event <c>circuit_breaker</c>).</summary>
    public const string CircuitBreaker = "circuit_breaker";

    /// <summary>Key of the stream of <see cref="SecurityEvent"/>s (WebSocket event <c>security_event</c>).</summary>
    public const string SecurityEvents = "security_event";

    /// <summary>Key of the stream of <c>Alert</c>s, on every firing and resolution (WebSocket event <c>system_alert</c>).</summary>
    public const string Alerts = "system_alert";

    /// <summary>Key of the stream of each silo's <c>PerformanceDigest</c> (WebSocket event <c>performance_metric</c>).</summary>
    public const string Performance = "performance_metric";

    /// <summary>Key of the stream of <c>OrderView</c>s, one for every change of an order's state (WebSocket event <c>order_update</c>).</summary>
    public const string Orders = "order_update";
}
