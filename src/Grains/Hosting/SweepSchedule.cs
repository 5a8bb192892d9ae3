namespace AriaPro.Grains.Hosting;

/// <summary>When an expiring store last swept: a sweep is due at most once per <see cref="StorageExpiry.SweepInterval"/>, and only one caller gets it.</summary>
internal sealed class SweepSchedule
{
    private long _last;

    /// <summary>True, once, when a sweep is due at <paramref name="now"/> (UTC ticks); the sweep then counts as done.</summary>
    public bool TakeIfDue(long now)
    {
        var last = Interlocked.Read(ref _last);
        return now - last >= StorageExpiry.SweepInterval.Ticks && Interlocked.CompareExchange(ref _last, now, last) == last;
    }
}
