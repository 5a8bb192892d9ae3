namespace AriaPro.Core.Monitoring.Series;

/// <summary>
/// A fixed ring of buckets of one resolution. The slot of an interval is its start divided by the
/// resolution, modulo the capacity; a slot holding another start is stale and reads as empty, so
/// nothing ever has to be cleared and the memory never grows.
/// </summary>
public sealed class MetricRing
{
    internal MetricRing(TimeSpan resolution, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Resolution = resolution;
        Capacity = capacity;
        ResolutionTicks = resolution.Ticks;
        Buckets = new MetricBucket[capacity];
    }

    /// <summary>Width of one bucket.</summary>
    public TimeSpan Resolution { get; }

    /// <summary>Buckets kept.</summary>
    public int Capacity { get; }

    /// <summary>How far back the ring reaches: capacity times resolution.</summary>
    public TimeSpan Retention => Resolution * Capacity;

    internal long ResolutionTicks { get; }

    internal MetricBucket[] Buckets { get; }

    internal long StartOf(long ticks) => ticks - ticks % ResolutionTicks;

    internal int SlotOf(long startTicks) => (int)(startTicks / ResolutionTicks % Capacity);

    /// <summary>Start of the oldest bucket still kept when the newest is the one of <paramref name="nowTicks"/>.</summary>
    internal long OldestStart(long nowTicks) => StartOf(nowTicks) - (Capacity - 1) * ResolutionTicks;

    /// <summary>The bucket of the interval starting at <paramref name="startTicks"/>, if the ring still holds it.</summary>
    internal bool TryGet(long startTicks, out MetricBucket bucket)
    {
        bucket = Buckets[SlotOf(startTicks)];
        return bucket.StartTicks == startTicks && bucket.Count > 0;
    }
}
