namespace AriaPro.Core.Trading;

/// <summary>Per-symbol trader guards (the <c>AUTO_TRADE_*</c> variables).</summary>
public sealed class TraderOptions
{
    /// <summary>How long a tripped breaker stays open before a half-open probe (<c>AUTO_TRADE_CB_COOLDOWN</c>, seconds).</summary>
    /// <value>The default value is 3600 seconds.</value>
    public TimeSpan CircuitBreakerCooldown { get; set; } = TraderDefaults.CircuitBreakerCooldown;

    /// <summary>Consecutive failures that trip the breaker (<c>AUTO_TRADE_CB_FAILURES</c>).</summary>
    /// <value>The default value is 5.</value>
    public int CircuitBreakerFailures { get; set; } = TraderDefaults.CircuitBreakerFailures;

    /// <summary>Maximum open exposure in lots per symbol, either side (<c>AUTO_TRADE_POS_LIMITS</c>).</summary>
    /// <value>The default value is EURUSD:2, GBPUSD:1, USDJPY:1.</value>
    public Dictionary<string, decimal> PositionLimits { get; set; } = new(TraderDefaults.PositionLimits, StringComparer.OrdinalIgnoreCase);

    /// <summary>Order timeout in calm markets (<c>AUTO_TRADE_BASE_TIMEOUT</c>, seconds).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BaseOrderTimeout { get; set; } = TraderDefaults.BaseOrderTimeout;

    /// <summary>Ceiling of the volatility-adaptive timeout (<c>AUTO_TRADE_MAX_TIMEOUT</c>, seconds).</summary>
    /// <value>The default value is 120 seconds.</value>
    public TimeSpan MaxOrderTimeout { get; set; } = TraderDefaults.MaxOrderTimeout;

    /// <summary>
    /// Orders that ended with lots still at the venue (expired, cancelled, rejected) a trader keeps
    /// after archiving them in their order grains, so a fill that raced their end is still booked.
    /// The trader's state is written on every order event, so it must stay small; once twice this
    /// many are kept, the oldest are dropped down to this many (their order grains still answer for
    /// them). Filled and denied orders leave as soon as their archive is confirmed.
    /// </summary>
    /// <value>The default value is 20.</value>
    public int RetainedFinishedOrders { get; set; } = TraderDefaults.RetainedFinishedOrders;

    /// <summary>The limit for a symbol; symbols without a configured limit may not open a position.</summary>
    public decimal LimitFor(string symbol) => PositionLimits.TryGetValue(symbol, out var limit) ? limit : 0m;
}
