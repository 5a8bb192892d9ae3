using System.Collections.Concurrent;
using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>
/// Turns the series of a <see cref="MetricStore"/> into alert signals by the threshold and anomaly
/// rules of an <see cref="AlertRules"/>, each rule on each series it selects, on its own.
/// </summary>
/// <remarks>
/// <para>
/// Threading: call <see cref="Evaluate"/> from one thread at a time (a timer, once a second).
/// <see cref="Observe"/> may be called concurrently from any number of threads (right after each
/// <see cref="MetricStore.Record(MetricSeries, double)"/>) while Evaluate runs.
/// </para>
/// <para>
/// Anomaly rules feed their detector the aggregation of each complete interval (the interval
/// the current time is in is not complete); intervals missed between two Evaluate calls are fed
/// in order, up to <see cref="MaxCatchUp"/> of them.
/// </para>
/// </remarks>
public sealed class AlertEvaluator
{
    /// <summary>The <see cref="AlertSignal.Detector"/> of threshold rules.</summary>
    public const string ThresholdDetector = "threshold";

    /// <summary>Complete intervals an anomaly rule feeds at most per Evaluate after a gap.</summary>
    public const int MaxCatchUp = 60;

    private readonly AlertRules _rules;
    private readonly MetricStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<MetricSeries, SeriesRules> _bySeries = new();

    /// <summary>Creates an evaluator; no state until the first series is seen.</summary>
    public AlertEvaluator(AlertRules rules, MetricStore store, TimeProvider time)
    {
        _rules = rules;
        _store = store;
        _time = time;
    }

    /// <summary>
    /// Every condition that holds now: threshold rules that have held for their duration and
    /// anomalies found within their hold. Conditions no longer holding are simply absent.
    /// </summary>
    public ImmutableArray<AlertSignal> Evaluate()
    {
        var now = _time.GetUtcNow();
        var signals = ImmutableArray.CreateBuilder<AlertSignal>();
        foreach (var series in _store.Series)
        {
            var rules = RulesOf(series);
            foreach (var state in rules.Thresholds)
            {
                if (Threshold(series, state, now) is { } signal)
                {
                    signals.Add(signal);
                }
            }

            foreach (var state in rules.Anomalies)
            {
                if (Anomaly(series, state, now) is { } signal)
                {
                    signals.Add(signal);
                }
            }
        }

        return signals.ToImmutable();
    }

    /// <summary>
    /// The fast path, called right after a value is recorded: true when a rule on the latest
    /// value with no duration (aggregation last, for 0s) has just started to hold on this series,
    /// so the caller should call <see cref="Evaluate"/> now rather than at the next tick. Does not
    /// allocate once the series has been seen. With concurrent writers to one series the
    /// transition is judged in the order the calls arrive; Evaluate stays the authority.
    /// </summary>
    public bool Observe(MetricSeries series, double value)
    {
        if (!double.IsFinite(value))
        {
            return false;
        }

        var fired = false;
        foreach (var state in RulesOf(series).Fast)
        {
            var holds = state.Rule.Comparison.Holds(value, state.Rule.Threshold) ? 1 : 0;
            if (Volatile.Read(ref state.Observed) != holds && Interlocked.Exchange(ref state.Observed, holds) == 0 && holds == 1)
            {
                fired = true;
            }
        }

        return fired;
    }

    private AlertSignal? Threshold(MetricSeries series, ThresholdState state, DateTimeOffset now)
    {
        var rule = state.Rule;
        var value = _store.Aggregate(series, rule.Aggregation, rule.Window, now);
        if (value is not { } v || !rule.Comparison.Holds(v, rule.Threshold))
        {
            state.Since = null;
            return null;
        }

        state.Since ??= now;
        if (now - state.Since.Value < rule.For)
        {
            return null;
        }

        return new AlertSignal(state.Key, rule.Id, state.Summary, rule.Severity, series.Name, series.Labels, v, rule.Threshold, null, null, ThresholdDetector, now, rule.Cooldown);
    }

    private AlertSignal? Anomaly(MetricSeries series, AnomalyState state, DateTimeOffset now)
    {
        var rule = state.Rule;
        var interval = rule.Interval.Ticks;
        var current = now.UtcTicks - now.UtcTicks % interval;
        var next = Math.Max(state.NextInterval, current - MaxCatchUp * interval);
        if (state.NextInterval == 0)
        {
            next = current - interval;
        }

        for (; next < current; next += interval)
        {
            var from = new DateTimeOffset(next, TimeSpan.Zero);
            if (_store.Aggregate(series, rule.Aggregation, from, from + rule.Interval) is not { } value)
            {
                continue;
            }

            var verdict = state.Detector.Observe(value);
            if (verdict.IsAnomaly && Math.Abs(value - verdict.Expected) >= rule.MinDeviation)
            {
                state.LastAnomaly = verdict;
                state.LastAnomalyTime = now;
            }
        }

        state.NextInterval = next;
        if (state.LastAnomalyTime is not { } seen || now - seen > rule.Hold)
        {
            return null;
        }

        var anomaly = state.LastAnomaly;
        var halfWidth = Math.Max((anomaly.High - anomaly.Low) / 2, rule.MinDeviation);
        return new AlertSignal(
            state.Key,
            rule.Id,
            state.Summary,
            rule.Severity,
            series.Name,
            series.Labels,
            anomaly.Value,
            null,
            anomaly.Expected - halfWidth,
            anomaly.Expected + halfWidth,
            state.Detector.Name,
            now,
            rule.Cooldown);
    }

    private SeriesRules RulesOf(MetricSeries series) =>
        _bySeries.TryGetValue(series, out var rules) ? rules : _bySeries.GetOrAdd(series, static (s, self) => self.Resolve(s), this);

    private SeriesRules Resolve(MetricSeries series)
    {
        var thresholds = _rules.Rules.Where(r => r.Selects(series))
            .Select(r => new ThresholdState(r, r.Id + series.LabelText, LabelFilter.Fill(r.Summary, series.Labels)))
            .ToArray();
        var fast = thresholds.Where(s => s.Rule.Aggregation == Aggregation.Last && s.Rule.For == TimeSpan.Zero).ToArray();
        var anomalies = _rules.Anomalies.Where(r => r.Selects(series))
            .Select(r => new AnomalyState(r, r.Id + series.LabelText, LabelFilter.Fill(r.Summary, series.Labels), r.CreateDetector()))
            .ToArray();
        return new SeriesRules(series, thresholds, fast, anomalies);
    }
}
