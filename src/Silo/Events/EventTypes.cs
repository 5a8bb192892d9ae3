using System.Collections.Frozen;
using AriaPro.Grains.Interfaces.Http;

namespace AriaPro.Silo.Events;

/// <summary>
/// The event types a client may subscribe to (each the key of the Orleans stream it comes from),
/// and the envelopes the hub sends of its own accord.
/// </summary>
public static class EventTypes
{
    /// <summary>The first envelope on every connection: the silo and the subscribed types.</summary>
    public const string Welcome = EventEnvelopeTypes.Welcome;

    /// <summary>The answer to a subscribe or unsubscribe message: the types now subscribed.</summary>
    public const string Subscribed = EventEnvelopeTypes.Subscribed;

    /// <summary>A message from the client could not be understood; the connection stays open.</summary>
    public const string Error = EventEnvelopeTypes.Error;

    /// <summary>Every subscribable type, in a fixed order (its index is its bit in a <see cref="EventTypeSet"/>).</summary>
    public static readonly IReadOnlyList<string> All = EventEnvelopeTypes.Subscribable;

    private static readonly FrozenDictionary<string, int> Bits =
        All.Select((type, index) => (type, index)).ToFrozenDictionary(p => p.type, p => 1 << p.index, StringComparer.Ordinal);

    /// <summary>The bit of a subscribable type, or false when <paramref name="type"/> is not one.</summary>
    public static bool TryGetBit(string type, out int bit) => Bits.TryGetValue(type, out bit);
}
