using System.Collections.Immutable;

namespace AriaPro.Core.Monitoring.Series;

/// <summary>
/// One named, labelled series of a <see cref="MetricStore"/> with its three rings (seconds,
/// minutes, hours). Get it once from <see cref="MetricStore.GetOrAdd"/> and keep it: recording
/// into a kept series is a lock and three in-place bucket updates.
/// </summary>
public sealed class MetricSeries
{
    private long _second = long.MinValue;
    private int _secondSlot;
    private long _minuteStart;
    private int _minuteSlot;
    private long _hourStart;
    private int _hourSlot;
    private double _latest;
    private long _latestTicks;
    private bool _hasLatest;

    internal MetricSeries(string name, MetricKind kind, ImmutableDictionary<string, string> labels, MetricStoreOptions options, bool isOverflow = false)
    {
        Name = name;
        Kind = kind;
        Labels = labels;
        LabelText = FormatLabels(labels);
        IsOverflow = isOverflow;
        Seconds = new MetricRing(TimeSpan.FromSeconds(1), options.SecondsKept);
        Minutes = new MetricRing(TimeSpan.FromMinutes(1), options.MinutesKept);
        Hours = new MetricRing(TimeSpan.FromHours(1), options.HoursKept);
    }

    /// <summary>The instrument name, e.g. <c>aria.order.latency</c>.</summary>
    public string Name { get; }

    /// <summary>What the recorded values mean.</summary>
    public MetricKind Kind { get; }

    /// <summary>The labels that tell this series from the others of its name.</summary>
    public ImmutableDictionary<string, string> Labels { get; }

    /// <summary>The labels as <c>{k=v,...}</c> sorted by key, or empty when there are none.</summary>
    public string LabelText { get; }

    /// <summary>One-second buckets.</summary>
    public MetricRing Seconds { get; }

    /// <summary>One-minute roll-ups.</summary>
    public MetricRing Minutes { get; }

    /// <summary>One-hour roll-ups.</summary>
    public MetricRing Hours { get; }

    /// <summary>The last value recorded, or null before the first.</summary>
    public double? Latest
    {
        get
        {
            lock (Gate)
            {
                return _hasLatest ? _latest : null;
            }
        }
    }

    /// <summary>When the last value was recorded (after folding late points into the current second), or null before the first.</summary>
    public DateTimeOffset? LatestTime
    {
        get
        {
            lock (Gate)
            {
                return _hasLatest ? new DateTimeOffset(_latestTicks, TimeSpan.Zero) : null;
            }
        }
    }

    /// <summary>Whether this is the store's shared series for series past its limit.</summary>
    internal bool IsOverflow { get; }

    internal Lock Gate { get; } = new();

    /// <summary>Start of the newest one-second bucket written, in ticks (long.MinValue before the first point).</summary>
    internal long CurrentSecond => _second;

    internal static string FormatLabels(ImmutableDictionary<string, string> labels)
    {
        if (labels.IsEmpty)
        {
            return string.Empty;
        }

        return "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
    }

    internal void Add(long ticks, double value)
    {
        lock (Gate)
        {
            var second = _second;
            if ((ulong)(ticks - second) >= TimeSpan.TicksPerSecond)
            {
                // Not in the current second (the common case needs no division).
                second = ticks - ticks % TimeSpan.TicksPerSecond;
                if (second < _second)
                {
                    // Late points join the current bucket: the rings only move forward.
                    second = _second;
                    ticks = _latestTicks;
                }
                else
                {
                    MoveTo(second);
                }
            }

            Seconds.Write(_secondSlot).Add(second, value);
            Minutes.Write(_minuteSlot).Add(_minuteStart, value);
            Hours.Write(_hourSlot).Add(_hourStart, value);
            _latest = value;
            _latestTicks = ticks;
            _hasLatest = true;
        }
    }

    private void MoveTo(long second)
    {
        _second = second;
        _secondSlot = Seconds.SlotOf(second);
        var minute = Minutes.StartOf(second);
        if (minute != _minuteStart)
        {
            _minuteStart = minute;
            _minuteSlot = Minutes.SlotOf(minute);
            var hour = Hours.StartOf(second);
            if (hour != _hourStart)
            {
                _hourStart = hour;
                _hourSlot = Hours.SlotOf(hour);
            }
        }
    }
}
