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

    /// <summary>Largest 1-day portfolio VaR an order may lead to, as a fraction of equity (<c>ARIA_RISK_MAX_VAR</c>).</summary>
    /// <value>The default value is 0.02.</value>
    public double MaxVarFraction { get; set; } = 0.02;

    /// <summary>
    /// Largest loss since the day began, as a fraction of the day's starting equity, before the kill
    /// switch moves every symbol to Reducing (<c>ARIA_RISK_MAX_DAILY_LOSS</c>); null is off.
    /// </summary>
    public double? MaxDailyLoss { get; set; }

    /// <summary>
    /// Largest fall from the highest equity, as a fraction of it, before the kill switch moves every
    /// symbol to Reducing (<c>ARIA_RISK_MAX_DRAWDOWN</c>); null is off.
    /// </summary>
    public double? MaxDrawdown { get; set; }

    /// <summary>Starting cash of the account in <see cref="AccountCurrency"/> (<c>ARIA_ACCOUNT_CAPITAL</c>).</summary>
    /// <value>The default value is 1,000,000.</value>
    public decimal AccountCapital { get; set; } = 1_000_000m;

    /// <summary>Currency the account, equity and VaR amounts are kept in.</summary>
    public string AccountCurrency { get; set; } = "USD";

    /// <summary>Daily closes that seed the return series of a fresh install (<c>ARIA_RISK_SEED_FILE</c>); null starts empty.</summary>
    public string? SeedFile { get; set; }

    /// <summary>Time of day (UTC) at which the end-of-day snapshot closes the day (<c>ARIA_RISK_EOD_UTC</c>).</summary>
    /// <value>The default value is 21:00, the 17:00 New York close of the FX day.</value>
    public TimeOnly EndOfDay { get; set; } = new(21, 0);
}
