using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AriaPro.Grains.Interfaces;

/// <summary>
/// Grain references without Orleans' per-call reflection: <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c>
/// reads the interface's attributes again on every call (measured: the largest single cost of the
/// facade's risk read after the grain call itself, docs/PERFORMANCE.md). The grain type and
/// interface type of each interface are resolved once per factory, through Orleans, and reused.
/// </summary>
/// <remarks>
/// For silo-side code (grains, the facade): a silo knows every grain type it hosts from the start.
/// A client learns them from the cluster, so it keeps Orleans' own <c>GetGrain</c>. A factory that
/// does not hand out Orleans references (a test double) is simply asked every time.
/// </remarks>
public static class GrainRefs
{
    private static readonly ConditionalWeakTable<IGrainFactory, ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)>> Resolved = [];

    /// <summary>The grain of interface <typeparamref name="T"/> with <paramref name="key"/>.</summary>
    public static T Of<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        var types = Resolved.GetOrCreateValue(grains);
        if (types.TryGetValue(typeof(T), out var resolved))
        {
            return (T)grains.GetGrain(GrainId.Create(resolved.Grain, key), resolved.Interface);
        }

        var grain = grains.GetGrain<T>(key);
        if (grain is GrainReference reference)
        {
            types.TryAdd(typeof(T), (reference.GrainId.Type, reference.InterfaceType));
        }

        return grain;
    }
}
