using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>
/// All transitions of a trader's circuit breaker, over its persisted <see cref="CircuitBreakerState"/>.
/// Closed counts consecutive failures and opens at the threshold; Open denies until the cooldown
/// has passed, then reads as HalfOpen and admits exactly one probe, whose outcome closes or
/// re-opens it. Isolated is held open by an operator. Outcomes of orders that are not the probe
/// are ignored while the breaker is not Closed.
/// </summary>
public sealed class CircuitBreakerController(CircuitBreakerState state, int failureThreshold, TimeSpan cooldown)
{
    /// <summary>The state as of <paramref name="now"/>; moves Open to HalfOpen once the cooldown has passed.</summary>
    public CircuitState Evaluate(DateTimeOffset now, out CircuitTransition? transition)
    {
        transition = null;
        if (state.State == CircuitState.Open && state.OpenUntil is { } until && now >= until)
        {
            state.State = CircuitState.HalfOpen;
            state.ProbeOrderId = null;
            transition = new(CircuitState.Open, CircuitState.HalfOpen, "cooldown elapsed; one probe order may pass");
        }

        return state.State;
    }

    /// <summary>A read-only view as of <paramref name="now"/>.</summary>
    public CircuitBreakerView View(DateTimeOffset now)
    {
        var effective = state.State == CircuitState.Open && state.OpenUntil is { } until && now >= until
            ? CircuitState.HalfOpen
            : state.State;
        return new(effective, state.ConsecutiveFailures, effective == CircuitState.Open ? state.OpenUntil : null, state.ProbeOrderId,
            effective == CircuitState.Closed ? null : state.Reason);
    }

    /// <summary>Admits an order or says why not; a half-open breaker admits its one probe.</summary>
    public string? TryAdmit(string clientOrderId, DateTimeOffset now, out bool isProbe, out CircuitTransition? transition)
    {
        isProbe = false;
        switch (Evaluate(now, out transition))
        {
            case CircuitState.Closed:
                return null;
            case CircuitState.Open:
                return $"circuit breaker open after {state.ConsecutiveFailures} consecutive failures; a probe is allowed from {state.OpenUntil:O}";
            case CircuitState.Isolated:
                return $"circuit breaker held open by an operator: {state.Reason}";
            case CircuitState.HalfOpen when state.ProbeOrderId is null:
                state.ProbeOrderId = clientOrderId;
                isProbe = true;
                return null;
            default:
                return $"circuit breaker half-open; probe order {state.ProbeOrderId} is in flight";
        }
    }

    /// <summary>Records an order that the broker accepted or filled.</summary>
    public CircuitTransition? RecordSuccess(string clientOrderId, DateTimeOffset now)
    {
        switch (Evaluate(now, out var transition))
        {
            case CircuitState.Closed:
                state.ConsecutiveFailures = 0;
                return transition;
            case CircuitState.HalfOpen when state.ProbeOrderId == clientOrderId:
                Close();
                return new(CircuitState.HalfOpen, CircuitState.Closed, $"probe order {clientOrderId} succeeded");
            default:
                return transition;
        }
    }

    /// <summary>Records a rejected, failed or expired order.</summary>
    public CircuitTransition? RecordFailure(string clientOrderId, DateTimeOffset now, string reason)
    {
        switch (Evaluate(now, out var transition))
        {
            case CircuitState.Closed:
                state.ConsecutiveFailures++;
                if (state.ConsecutiveFailures < failureThreshold)
                {
                    return transition;
                }

                Open(now, $"{state.ConsecutiveFailures} consecutive failures, last: {reason}");
                return new(CircuitState.Closed, CircuitState.Open, state.Reason!);
            case CircuitState.HalfOpen when state.ProbeOrderId == clientOrderId:
                state.ConsecutiveFailures++;
                Open(now, $"probe order {clientOrderId} failed: {reason}");
                return new(CircuitState.HalfOpen, CircuitState.Open, state.Reason!);
            default:
                return transition;
        }
    }

    /// <summary>Opens a Closed breaker now, for a reason decided elsewhere (a model's success rate over its window).</summary>
    public CircuitTransition? Trip(DateTimeOffset now, string reason)
    {
        if (Evaluate(now, out var transition) != CircuitState.Closed)
        {
            return transition;
        }

        Open(now, reason);
        return new(CircuitState.Closed, CircuitState.Open, reason);
    }

    /// <summary>Closes the breaker and clears the failure count (manual reset).</summary>
    public CircuitTransition? Reset()
    {
        var from = state.State;
        Close();
        return from == CircuitState.Closed ? null : new(from, CircuitState.Closed, "reset by an operator");
    }

    /// <summary>Holds the breaker open until <see cref="Release"/>.</summary>
    public CircuitTransition? Isolate(string reason)
    {
        var from = state.State;
        state.State = CircuitState.Isolated;
        state.OpenUntil = null;
        state.ProbeOrderId = null;
        state.Reason = reason;
        return from == CircuitState.Isolated ? null : new(from, CircuitState.Isolated, reason);
    }

    /// <summary>Releases an isolated breaker to Closed (an operator's resume); no effect in any other state.</summary>
    public CircuitTransition? Release()
    {
        if (state.State != CircuitState.Isolated)
        {
            return null;
        }

        Close();
        return new(CircuitState.Isolated, CircuitState.Closed, "resumed by an operator");
    }

    private void Open(DateTimeOffset now, string reason)
    {
        state.State = CircuitState.Open;
        state.OpenUntil = now + cooldown;
        state.ProbeOrderId = null;
        state.Reason = reason;
    }

    private void Close()
    {
        state.State = CircuitState.Closed;
        state.ConsecutiveFailures = 0;
        state.OpenUntil = null;
        state.ProbeOrderId = null;
        state.Reason = null;
    }
}
