using AriaPro.Grains.Interfaces.Events;

namespace AriaPro.Grains.Interfaces.Http;

/// <summary>
/// The <c>type</c> of every envelope <c>GET /ws</c> sends: the subscribable event types (each the
/// key of the Orleans stream it comes from) and the envelopes the silo sends of its own accord.
/// The silo, the SDK and the CLI all read them from here.
/// </summary>
public static class EventEnvelopeTypes
{
    /// <summary>The first envelope on every connection: the silo and the subscribed types.</summary>
    public const string Welcome = "welcome";

    /// <summary>The answer to a subscribe or unsubscribe message: the types now subscribed.</summary>
    public const string Subscribed = "subscribed";

    /// <summary>A message from the client could not be understood; the connection stays open.</summary>
    public const string Error = "error";

    /// <summary>Every subscribable type, in a fixed order (the silo's subscription bits follow it).</summary>
    public static readonly IReadOnlyList<string> Subscribable =
    [
        AriaStreams.Alerts,
        AriaStreams.Performance,
        AriaStreams.CircuitBreaker,
        AriaStreams.SecurityEvents,
        AriaStreams.Orders,
    ];
}
