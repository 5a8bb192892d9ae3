using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Monitoring;

/// <summary>
/// The silo's trading instruments (meter <see cref="MeterName"/>): orders by symbol and outcome,
/// order latency, breaker states, model inferences and the portfolio's risk figures. Grains update
/// them; the Prometheus exporter and the silo's own metric store read them. Breaker states and risk
/// figures are observed: each silo reports the breakers and the risk grain it hosts now, and
/// forgets a grain when it leaves, so two silos never both claim one breaker.
/// </summary>
public sealed class AriaMetrics : IDisposable
{
    /// <summary>The meter every AriaPro instrument belongs to.</summary>
    public const string MeterName = "AriaPro";

    /// <summary>Bucket bounds, in seconds, for order and inference latencies: 0.5 ms to 30 s.</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Meter _meter;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _filled;
    private readonly Counter<long> _denied;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _expired;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _orderLatency;
    private readonly Histogram<double> _inferenceDuration;
    private readonly Counter<long> _inferences;
    private readonly ConcurrentDictionary<(string Source, string Name), int> _breakers = new();
    private readonly ConcurrentDictionary<string, double> _modelSuccess = new(StringComparer.Ordinal);
    private volatile RiskFigures? _risk;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public AriaMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _submitted = _meter.CreateCounter<long>("aria.orders.submitted", "{order}", "Orders that passed the pre-trade checks and went to the broker");
        _filled = _meter.CreateCounter<long>("aria.orders.filled", "{order}", "Orders completely filled");
        _denied = _meter.CreateCounter<long>("aria.orders.denied", "{order}", "Orders refused by a pre-trade check, by reason");
        _rejected = _meter.CreateCounter<long>("aria.orders.rejected", "{order}", "Orders the broker rejected, or failed to reach");
        _expired = _meter.CreateCounter<long>("aria.orders.expired", "{order}", "Orders the broker did not acknowledge within their adaptive timeout");
        _cancelled = _meter.CreateCounter<long>("aria.orders.cancelled", "{order}", "Orders cancelled by request or by the broker");
        _orderLatency = _meter.CreateHistogram("aria.order.latency", "s", "From an order's creation to the broker's first answer (acknowledgement, fill or rejection)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _inferenceDuration = _meter.CreateHistogram("aria.model.inference.duration", "s", "How long one model inference took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _inferences = _meter.CreateCounter<long>("aria.model.inferences", "{inference}", "Model inferences by outcome");
        _meter.CreateObservableGauge("aria.circuit_breaker.state", ObserveBreakers, "{state}", "Breakers hosted on this silo: 0 closed, 1 half-open, 2 open, 3 isolated by an operator");
        _meter.CreateObservableGauge("aria.model.success_rate", ObserveModelSuccess, "1", "Each model's success rate over its performance window");
        _meter.CreateObservableGauge("aria.risk.var", () => RiskFigure(r => r.Var), "1", "Portfolio historical 1-day VaR as a fraction of equity");
        _meter.CreateObservableGauge("aria.risk.cvar", () => RiskFigure(r => r.Cvar), "1", "Portfolio 1-day CVaR as a fraction of equity");
        _meter.CreateObservableGauge("aria.risk.drawdown", () => RiskFigure(r => r.MaxDrawdown), "1", "Maximum drawdown of the daily return series");
        _meter.CreateObservableGauge("aria.risk.exposure", () => RiskFigure(r => r.Exposure), "{currency}", "Sum of the open positions' notional, in the account currency");
        _meter.CreateObservableGauge("aria.risk.equity", () => RiskFigure(r => r.Equity), "{currency}", "Account equity: capital plus realized and unrealized PnL");
    }

    /// <summary>An order moved from <paramref name="from"/> to its current state.</summary>
    public void OrderChanged(OrderView order, OrderStatus from, string? denyCategory = null)
    {
        var symbol = new KeyValuePair<string, object?>("symbol", order.Symbol);
        switch (order.Status)
        {
            case OrderStatus.Submitted:
                _submitted.Add(1, symbol);
                return;
            case OrderStatus.Denied:
                _denied.Add(1, symbol, new("reason", denyCategory ?? "other"));
                return;
            case OrderStatus.Filled:
                _filled.Add(1, symbol);
                break;
            case OrderStatus.Rejected:
                _rejected.Add(1, symbol);
                break;
            case OrderStatus.Expired:
                _expired.Add(1, symbol);
                return;
            case OrderStatus.Cancelled:
                _cancelled.Add(1, symbol);
                return;
        }

        // The broker's first answer closes the order's latency: acknowledged, filled or rejected.
        if (from is OrderStatus.New or OrderStatus.Submitted && order.Status is not (OrderStatus.New or OrderStatus.Submitted))
        {
            _orderLatency.Record((order.UpdatedAt - order.CreatedAt).TotalSeconds, symbol);
        }
    }

    /// <summary>A model inference finished with <paramref name="outcome"/> after <paramref name="milliseconds"/>.</summary>
    public void Inference(string model, string outcome, double milliseconds, double successRate)
    {
        var tag = new KeyValuePair<string, object?>("model", model);
        _inferences.Add(1, tag, new("outcome", outcome));
        _inferenceDuration.Record(milliseconds / 1000.0, tag);
        _modelSuccess[model] = successRate;
    }

    /// <summary>The breaker of <paramref name="source"/> <paramref name="name"/> is hosted here and is in <paramref name="state"/>.</summary>
    public void Breaker(string source, string name, CircuitState state) => _breakers[(source, name)] = Level(state);

    /// <summary>The gauge's value for a breaker state: the higher, the less trading gets through.</summary>
    public static int Level(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };

    /// <summary>The grain left this silo: stop reporting its breaker and model figures.</summary>
    public void Forget(string source, string name)
    {
        _breakers.TryRemove((source, name), out _);
        if (source == "model")
        {
            _modelSuccess.TryRemove(name, out _);
        }
    }

    /// <summary>The portfolio's latest figures, from the risk grain hosted here.</summary>
    public void Risk(PortfolioRisk risk) => _risk = new(
        risk.Metrics.Var, risk.Metrics.Cvar, risk.Metrics.MaxDrawdown,
        (double)risk.Exposures.Sum(e => Math.Abs(e.Notional)), (double)risk.Equity);

    /// <summary>The risk grain left this silo.</summary>
    public void ForgetRisk() => _risk = null;

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveBreakers()
    {
        foreach (var ((source, name), state) in _breakers)
        {
            yield return new(state, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("name", name));
        }
    }

    private IEnumerable<Measurement<double>> ObserveModelSuccess()
    {
        foreach (var (model, rate) in _modelSuccess)
        {
            yield return new(rate, new KeyValuePair<string, object?>("model", model));
        }
    }

    private IEnumerable<Measurement<double>> RiskFigure(Func<RiskFigures, double?> figure)
    {
        if (_risk is { } risk && figure(risk) is { } value && double.IsFinite(value))
        {
            yield return new(value);
        }
    }

    private sealed record RiskFigures(double? Var, double? Cvar, double? MaxDrawdown, double? Exposure, double? Equity);
}
