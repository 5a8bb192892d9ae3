using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AriaPro.Core.Monitoring.Series;

/// <summary>
/// In-memory time series for the silo's own metrics: per series, one-second buckets, one-minute
/// and one-hour roll-ups in preallocated rings, so memory per series is fixed and recording
/// allocates nothing. Safe for many concurrent writers (one short lock per series) and readers.
/// </summary>
/// <remarks>
/// Every point updates the three rings at once rather than rolling seconds up into minutes later,
/// so a minute bucket is exact even after its seconds have left the seconds ring. A point older
/// than the series' current second is folded into the current second: the rings only move
/// forward. NaN and infinite values are not recorded, only counted in <see cref="RejectedPoints"/>.
/// </remarks>
public sealed partial class MetricStore
{
    /// <summary>Name of the shared series that takes the points of series past <see cref="MetricStoreOptions.MaxSeries"/>; it counts them (each point adds one).</summary>
    public const string OverflowName = "aria.monitoring.overflow";

    private readonly MetricStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, MetricSeries> _byKey = new(StringComparer.Ordinal);
    private readonly Lock _addGate = new();
    private readonly MetricSeries _overflow;
    private volatile MetricSeries[] _all;
    private ImmutableDictionary<string, ImmutableArray<MetricSeries>> _byName;
    private long _rejectedPoints;
    private long _droppedSeries;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">Retention and series limit; every count must be at least 1.</param>
    /// <param name="time">The clock of <see cref="Record(MetricSeries, double)"/> and of queries.</param>
    public MetricStore(MetricStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SecondsKept, 1, nameof(options.SecondsKept));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinutesKept, 1, nameof(options.MinutesKept));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HoursKept, 1, nameof(options.HoursKept));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSeries, 1, nameof(options.MaxSeries));
        _options = options;
        _time = time;
        _overflow = new MetricSeries(OverflowName, MetricKind.Counter, ImmutableDictionary<string, string>.Empty, options, isOverflow: true);
        _all = [_overflow];
        _byName = ImmutableDictionary<string, ImmutableArray<MetricSeries>>.Empty.Add(OverflowName, [_overflow]);
    }

    /// <summary>Every series, the overflow series included.</summary>
    public IReadOnlyCollection<MetricSeries> Series => Array.AsReadOnly(_all);

    /// <summary>The distinct metric names.</summary>
    public IEnumerable<string> Names => Volatile.Read(ref _byName).Keys;

    /// <summary>NaN or infinite values refused by <see cref="Record(MetricSeries, double)"/>.</summary>
    public long RejectedPoints => Interlocked.Read(ref _rejectedPoints);

    /// <summary>Calls to <see cref="GetOrAdd"/> answered with the overflow series because the store was full.</summary>
    public long DroppedSeries => Interlocked.Read(ref _droppedSeries);

    /// <summary>The series of one name (empty when there are none).</summary>
    public IReadOnlyList<MetricSeries> Find(string name) =>
        Volatile.Read(ref _byName).TryGetValue(name, out var series) ? series : [];

    /// <summary>
    /// The series of this name and labels, created on first call. The same instance comes back for
    /// the same name and labels, so callers should keep it. Past <see cref="MetricStoreOptions.MaxSeries"/>
    /// the shared overflow series (<see cref="OverflowName"/>) comes back instead.
    /// </summary>
    /// <exception cref="ArgumentException">The series exists with another kind: one name, one meaning.</exception>
    public MetricSeries GetOrAdd(string name, MetricKind kind, ImmutableDictionary<string, string> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(labels);
        var key = name + MetricSeries.FormatLabels(labels);
        if (!_byKey.TryGetValue(key, out var series))
        {
            lock (_addGate)
            {
                if (!_byKey.TryGetValue(key, out series))
                {
                    if (_byKey.Count >= _options.MaxSeries)
                    {
                        Interlocked.Increment(ref _droppedSeries);
                        return _overflow;
                    }

                    series = new MetricSeries(name, kind, labels, _options);
                    _byKey[key] = series;
                    var byName = Volatile.Read(ref _byName);
                    var sameName = byName.TryGetValue(name, out var existing) ? existing.Add(series) : [series];
                    Volatile.Write(ref _byName, byName.SetItem(name, sameName));
                    _all = [.. _all, series];
                }
            }
        }

        if (series.Kind != kind)
        {
            throw new ArgumentException($"Series {key} is a {series.Kind}, not a {kind}.", nameof(kind));
        }

        return series;
    }

    /// <summary>Records a value at the store's current time.</summary>
    public void Record(MetricSeries series, double value) => Record(series, value, _time.GetUtcNow().UtcTicks);

    /// <summary>Records a value at <paramref name="time"/>.</summary>
    public void Record(MetricSeries series, double value, DateTimeOffset time) => Record(series, value, time.UtcTicks);

    /// <summary>Records a value at <paramref name="utcTicks"/> (UTC ticks, as <see cref="DateTimeOffset.UtcTicks"/>).</summary>
    public void Record(MetricSeries series, double value, long utcTicks)
    {
        if (!double.IsFinite(value))
        {
            Interlocked.Increment(ref _rejectedPoints);
            return;
        }

        series.Add(utcTicks, series.IsOverflow ? 1.0 : value);
    }
}
