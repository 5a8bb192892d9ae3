using System.Diagnostics;

namespace AriaPro.Load.Running;

/// <summary>
/// The intended send times of an open-loop load at a fixed rate: send <c>i</c> is due
/// <c>i / rate</c> seconds after the start, whether or not earlier sends have been answered. A
/// latency measured from the intended time includes the time a request waited because the system
/// (or the generator's concurrency cap) was behind, so queueing shows in the percentiles instead
/// of being omitted.
/// </summary>
public sealed class OpenLoopSchedule
{
    /// <summary>Creates a schedule of <paramref name="rate"/> sends a second for <paramref name="duration"/>.</summary>
    public OpenLoopSchedule(double rate, TimeSpan duration)
    {
        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be a positive number of sends a second.");
        }

        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The duration must be positive.");
        }

        Rate = rate;
        Duration = duration;
        Count = Math.Max(1, (long)Math.Floor(rate * duration.TotalSeconds));
    }

    /// <summary>Sends a second.</summary>
    public double Rate { get; }

    /// <summary>How long the schedule offers load.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Sends in the schedule: the rate times the duration, at least one.</summary>
    public long Count { get; }

    /// <summary>When send <paramref name="index"/> is due, after the start.</summary>
    public TimeSpan OffsetOf(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return TimeSpan.FromTicks((long)Math.Round(index * TimeSpan.TicksPerSecond / Rate));
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which send <paramref name="index"/> is due.</summary>
    public long TimestampOf(long start, long index) =>
        start + (long)Math.Round(index * (double)Stopwatch.Frequency / Rate);
}
