namespace AriaPro.Silo.Events;

/// <summary>A set of subscribable event types, one bit per entry of <see cref="EventTypes.All"/>.</summary>
public readonly record struct EventTypeSet(int Bits)
{
    /// <summary>Every type.</summary>
    public static EventTypeSet All { get; } = new((1 << EventTypes.All.Count) - 1);

    /// <summary>No type.</summary>
    public static EventTypeSet None { get; } = new(0);

    /// <summary>True when the set holds <paramref name="bit"/>.</summary>
    public bool Contains(int bit) => (Bits & bit) != 0;

    /// <summary>The set with the types of <paramref name="other"/> added.</summary>
    public EventTypeSet Union(EventTypeSet other) => new(Bits | other.Bits);

    /// <summary>The set with the types of <paramref name="other"/> removed.</summary>
    public EventTypeSet Except(EventTypeSet other) => new(Bits & ~other.Bits);

    /// <summary>The names of the types in the set, in the order of <see cref="EventTypes.All"/>.</summary>
    public IReadOnlyList<string> Names()
    {
        var bits = Bits;
        return [.. EventTypes.All.Where((_, index) => (bits & (1 << index)) != 0)];
    }

    /// <summary>
    /// Parses type names; null and an error naming the first unknown type when one is not
    /// subscribable.
    /// </summary>
    public static EventTypeSet? TryParse(IEnumerable<string> names, out string? error)
    {
        var bits = 0;
        foreach (var name in names)
        {
            if (!EventTypes.TryGetBit(name, out var bit))
            {
                error = $"unknown event type '{name}'; the types are {string.Join(", ", EventTypes.All)}";
                return null;
            }

            bits |= bit;
        }

        error = null;
        return new EventTypeSet(bits);
    }
}
