using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Signals.Health;

/// <summary>
/// A model's health over its persisted state: a rolling window of inferences whose success rate,
/// once the window is full, must stay at or above AI_CIRCUIT_BREAKER_THRESHOLD or the breaker
/// opens; after the cooldown one probe inference closes it (with a fresh window) or re-opens it.
/// Direction accuracy is kept apart: each successful prediction is scored against the next bar.
/// </summary>
public sealed class ModelHealthTracker(ModelHealthState state, ModelHealthOptions options)
{
    private readonly CircuitBreakerController _breaker = new(state.Breaker, int.MaxValue, options.ModelCooldown);

    /// <summary>Names the next inference.</summary>
    public string NextInferenceId() => $"inference-{++state.Sequence}";

    /// <summary>Why the model must not run now, or null; a half-open breaker lets one probe through.</summary>
    public string? Admit(string inferenceId, DateTimeOffset now, out CircuitTransition? transition) =>
        _breaker.TryAdmit(inferenceId, now, out _, out transition) is null
            ? null
            : state.Breaker.State == CircuitState.Isolated
                ? $"held off by an operator: {state.Breaker.Reason}"
                : state.Breaker.State == CircuitState.Open
                    ? $"switched off ({state.Breaker.Reason}); a probe is allowed from {state.Breaker.OpenUntil:O}"
                    : $"half-open: probe {state.Breaker.ProbeOrderId} is in flight";

    /// <summary>Records an inference; NotReady and Skipped only note why and count for nothing.</summary>
    public CircuitTransition? Record(string inferenceId, InferenceSample sample, DateTimeOffset now)
    {
        if (sample.Outcome is InferenceOutcome.NotReady or InferenceOutcome.Skipped)
        {
            return null;
        }

        state.Window.Add(sample);
        if (state.Window.Count > options.PerformanceWindow)
        {
            state.Window.RemoveRange(0, state.Window.Count - options.PerformanceWindow);
        }

        if (sample.Outcome == InferenceOutcome.Success)
        {
            var closed = _breaker.RecordSuccess(inferenceId, now);
            if (closed is { To: CircuitState.Closed })
            {
                state.Window.Clear();
            }

            return closed;
        }

        var transition = _breaker.RecordFailure(inferenceId, now, $"{sample.Outcome}: {sample.ErrorKind}");
        if (transition is null && state.Window.Count >= options.PerformanceWindow && SuccessRate < options.CircuitBreakerThreshold)
        {
            transition = _breaker.Trip(now, $"success rate {SuccessRate:F2} over the last {state.Window.Count} inferences is below {options.CircuitBreakerThreshold:F2}");
        }

        return transition;
    }

    /// <summary>Scores the symbol's pending prediction against the first bar after it, then remembers the new one.</summary>
    public void ScoreAccuracy(string symbol, IReadOnlyList<Bar> bars)
    {
        if (!state.Pending.TryGetValue(symbol, out var pending))
        {
            return;
        }

        var next = bars.FirstOrDefault(b => b.Time > pending.BarTime);
        if (next is null || next.Close == pending.Close)
        {
            return;
        }

        state.Pending.Remove(symbol);
        state.Hits.Add(next.Close > pending.Close == pending.Up);
        if (state.Hits.Count > options.PerformanceWindow)
        {
            state.Hits.RemoveRange(0, state.Hits.Count - options.PerformanceWindow);
        }
    }

    /// <summary>Remembers a successful prediction to score against the next bar.</summary>
    public void Predicted(string symbol, Bar last, double probabilityUp)
    {
        if (probabilityUp != 0.5)
        {
            state.Pending[symbol] = new(last.Time, last.Close, probabilityUp > 0.5);
        }
    }

    /// <summary>Closes the breaker and starts a fresh window.</summary>
    public CircuitTransition? Reset()
    {
        state.Window.Clear();
        return _breaker.Reset();
    }

    /// <summary>Holds the model off until reset.</summary>
    public CircuitTransition? Isolate(string reason) => _breaker.Isolate(reason);

    /// <summary>Successes over recorded inferences in the window; NaN when there are none.</summary>
    public double SuccessRate => state.Window.Count == 0
        ? double.NaN
        : state.Window.Count(s => s.Outcome == InferenceOutcome.Success) / (double)state.Window.Count;

    /// <summary>Share of scored predictions whose direction matched the next bar; NaN when none is scored yet.</summary>
    public double Accuracy => state.Hits.Count == 0 ? double.NaN : state.Hits.Count(h => h) / (double)state.Hits.Count;

    /// <summary>The health as seen now.</summary>
    public ModelHealthView View(string id, string version, string kind, DateTimeOffset now)
    {
        var breaker = _breaker.View(now);
        var latencies = state.Window.Select(s => s.LatencyMs).Order().ToArray();
        return new(
            id, version, kind, breaker.State, breaker.OpensUntil, state.Breaker.Reason, state.Window.Count, options.PerformanceWindow,
            Finite(SuccessRate), Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
            state.Window.Where(s => s.Outcome != InferenceOutcome.Success)
                .GroupBy(s => s.ErrorKind is null ? s.Outcome.ToString() : $"{s.Outcome}: {s.ErrorKind}")
                .ToDictionary(g => g.Key, g => g.Count()),
            Finite(Accuracy), state.Hits.Count, state.NotReady);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static double? Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
