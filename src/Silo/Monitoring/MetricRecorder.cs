using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using AriaPro.Grains.Monitoring;
using AriaPro.Core.Monitoring.Rules;
using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Silo.Monitoring;

/// <summary>
/// Feeds every measurement of the AriaPro instruments of this host into the silo's
/// <see cref="MetricStore"/>, and tells the <see cref="AlertEvaluator"/> at once, so a rule that
/// starts to hold wakes the evaluation instead of waiting for the next tick. The series of a tag
/// set is looked up without allocating; only a new tag set builds its labels.
/// Counters and up-down counters record increments, histograms samples, gauges levels;
/// observable instruments are read by <see cref="RecordObservables"/>.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly MetricStore _store;
    private readonly AlertEvaluator _evaluator;
    private readonly Action _ruleStarted;

    /// <summary>Starts listening to the AriaPro meters created by <paramref name="meters"/> (or by no factory).</summary>
    public MetricRecorder(MetricStore store, AlertEvaluator evaluator, IMeterFactory meters, Action ruleStarted)
    {
        _store = store;
        _evaluator = evaluator;
        _ruleStarted = ruleStarted;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Another host in this process (a test) has meters of the same name: not ours.
            if (instrument.Meter.Name == AriaMetrics.MeterName && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meters)))
            {
                listener.EnableMeasurementEvents(instrument, new InstrumentSeries(instrument.Name, KindOf(instrument)));
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.Start();
    }

    /// <summary>Reads every observable instrument (gauges) once.</summary>
    public void RecordObservables() => _listener.RecordObservableInstruments();

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private static MetricKind KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (definition == typeof(Histogram<>))
        {
            return MetricKind.Histogram;
        }

        return definition == typeof(Counter<>) || definition == typeof(UpDownCounter<>) ? MetricKind.Counter : MetricKind.Gauge;
    }

    private void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is not InstrumentSeries instrument)
        {
            return;
        }

        var series = instrument.For(_store, tags);
        _store.Record(series, value);
        if (_evaluator.Observe(series, value))
        {
            _ruleStarted();
        }
    }

    // The series of one instrument by tag set.
    private sealed class InstrumentSeries(string name, MetricKind kind)
    {
        private readonly ConcurrentDictionary<TagKey, MetricSeries> _series = new();

        public MetricSeries For(MetricStore store, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = TagKey.Of(tags);
            if (_series.TryGetValue(key, out var series))
            {
                return series;
            }

            var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (label, value) in tags)
            {
                labels[label] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            return _series.GetOrAdd(key, store.GetOrAdd(name, kind, labels.ToImmutable()));
        }
    }

    // Up to three tags compared in place; more (none of AriaPro's instruments has more) as one string.
    private readonly record struct TagKey(string? K0, object? V0, string? K1, object? V1, string? K2, object? V2, string? Rest)
    {
        public static TagKey Of(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.Length switch
        {
            0 => default,
            1 => new(tags[0].Key, tags[0].Value, null, null, null, null, null),
            2 => new(tags[0].Key, tags[0].Value, tags[1].Key, tags[1].Value, null, null, null),
            3 => new(tags[0].Key, tags[0].Value, tags[1].Key, tags[1].Value, tags[2].Key, tags[2].Value, null),
            _ => new(null, null, null, null, null, null, string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}"))),
        };
    }
}
