namespace AriaPro.Grains.Brokers;

/// <summary>Behaviour of the paper broker (<c>ARIA_PAPER_*</c>).</summary>
public sealed class PaperBrokerOptions
{
    /// <summary>Delay before the broker answers an order (<c>ARIA_PAPER_LATENCY_MS</c>).</summary>
    /// <value>The default value is 50 ms.</value>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Share of orders rejected on purpose, 0..1 (<c>ARIA_PAPER_REJECT_RATE</c>).</summary>
    /// <value>The default value is 0.</value>
    public double RejectRate { get; set; }

    /// <summary>Slippage added against the trader on market fills, in pips (<c>ARIA_PAPER_SLIPPAGE_PIPS</c>).</summary>
    /// <value>The default value is 0.2 pips.</value>
    public decimal SlippagePips { get; set; } = 0.2m;

    /// <summary>Seed for injected rejections (<c>ARIA_PAPER_SEED</c>); null draws a fresh one.</summary>
    public int? Seed { get; set; }

    /// <summary>How often working limit orders are checked against the market.</summary>
    public TimeSpan LimitOrderPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
