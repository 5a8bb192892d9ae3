namespace AriaPro.Core.Monitoring.Series;

/// <summary>
/// What one slot of a ring knows about the values recorded in its interval. A struct kept in
/// preallocated arrays, updated in place: recording allocates nothing.
/// </summary>
public struct MetricBucket
{
    /// <summary>Start of the interval in UTC ticks; a slot whose start is not the one expected holds an older interval.</summary>
    public long StartTicks { get; internal set; }

    /// <summary>Values recorded in the interval.</summary>
    public long Count { get; internal set; }

    /// <summary>Sum of the values.</summary>
    public double Sum { get; internal set; }

    /// <summary>Smallest value.</summary>
    public double Min { get; internal set; }

    /// <summary>Largest value.</summary>
    public double Max { get; internal set; }

    /// <summary>The value recorded last.</summary>
    public double Last { get; internal set; }

    /// <summary>Start of the interval.</summary>
    public readonly DateTimeOffset Start => new(StartTicks, TimeSpan.Zero);

    internal void Add(long startTicks, double value)
    {
        if (StartTicks != startTicks)
        {
            StartTicks = startTicks;
            Count = 1;
            Sum = value;
            Min = value;
            Max = value;
            Last = value;
            return;
        }

        Count++;
        Sum += value;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }

        Last = value;
    }
}
