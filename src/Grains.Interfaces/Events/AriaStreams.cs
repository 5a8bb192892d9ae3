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
}
