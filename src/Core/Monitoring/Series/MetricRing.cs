namespace AriaPro.Core.Monitoring.Series;

/// <summary>
/// A fixed ring of buckets of one resolution. The slot of an interval is its start divided by the
/// resolution, modulo the capacity; a slot holding another start is stale and reads as empty, so
/// nothing ever has to be cleared. The buckets are held in pages of <see cref="PageSize"/>, each
/// made on its first write: a series that records now and then (most are counters of rare events,
/// one per symbol and reason) holds the pages its points fell in, not an hour of empty seconds,
/// and no series ever holds more than its capacity.
/// </summary>
public sealed class MetricRing
{
    /// <summary>Buckets in one page (2.5 KB: small enough to stay off the large-object heap).</summary>
    public const int PageSize = 64;

    private readonly MetricBucket[]?[] _pages;

    internal MetricRing(TimeSpan resolution, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Resolution = resolution;
        Capacity = capacity;
        ResolutionTicks = resolution.Ticks;
        _pages = new MetricBucket[]?[(capacity + PageSize - 1) / PageSize];
    }

    /// <summary>Width of one bucket.</summary>
    public TimeSpan Resolution { get; }

    /// <summary>Buckets kept.</summary>
    public int Capacity { get; }

    /// <summary>How far back the ring reaches: capacity times resolution.</summary>
    public TimeSpan Retention => Resolution * Capacity;

    internal long ResolutionTicks { get; }

    /// <summary>Buckets the ring holds memory for now: whole pages written so far, at most <see cref="Capacity"/>.</summary>
    public int AllocatedBuckets => _pages.Sum(page => page?.Length ?? 0);

    internal long StartOf(long ticks) => ticks - ticks % ResolutionTicks;

    internal int SlotOf(long startTicks) => (int)(startTicks / ResolutionTicks % Capacity);

    /// <summary>Start of the oldest bucket still kept when the newest is the one of <paramref name="nowTicks"/>.</summary>
    internal long OldestStart(long nowTicks) => StartOf(nowTicks) - (Capacity - 1) * ResolutionTicks;

    /// <summary>The bucket of the interval starting at <paramref name="startTicks"/>, if the ring still holds it.</summary>
    internal bool TryGet(long startTicks, out MetricBucket bucket)
    {
        var slot = SlotOf(startTicks);
        var page = _pages[slot / PageSize];
        bucket = page is null ? default : page[slot % PageSize];
        return bucket.StartTicks == startTicks && bucket.Count > 0;
    }

    /// <summary>The bucket of <paramref name="slot"/>, to write into; its page is made on the first write.</summary>
    internal ref MetricBucket Write(int slot)
    {
        ref var page = ref _pages[slot / PageSize];
        page ??= new MetricBucket[Math.Min(PageSize, Capacity - slot / PageSize * PageSize)];
        return ref page[slot % PageSize];
    }
}
