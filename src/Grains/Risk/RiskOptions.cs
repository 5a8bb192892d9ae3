namespace AriaPro.Grains.Risk;

/// <summary>Portfolio risk settings (the <c>RISK_*</c> variables).</summary>
public sealed class RiskOptions
{
    /// <summary>VaR confidence (<c>RISK_VAR_CONFIDENCE</c>).</summary>
    /// <value>The default value is 0.95.</value>
    public double VarConfidence { get; set; } = 0.95;

    /// <summary>CVaR confidence (<c>RISK_CVAR_CONFIDENCE</c>).</summary>
    /// <value>The default value is 0.99.</value>
    public double CvarConfidence { get; set; } = 0.99;

    /// <summary>Cap on the Kelly fraction (<c>RISK_KELLY_MAX_SIZE</c>).</summary>
    /// <value>The default value is 0.25.</value>
    public double KellyMaxSize { get; set; } = 0.25;

    /// <summary>Daily returns kept (<c>RISK_LOOKBACK_DAYS</c>).</summary>
    /// <value>The default value is 252.</value>
    public int LookbackDays { get; set; } = 252;
}
