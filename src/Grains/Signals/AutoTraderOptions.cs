namespace AriaPro.Grains.Signals;

/// <summary>The built-in auto-trader (<c>ARIA_AUTOTRADE*</c>, <c>AI_BASE_ANALYSIS_INTERVAL</c>).</summary>
public sealed class AutoTraderOptions
{
    /// <summary>Whether signals place orders (<c>ARIA_AUTOTRADE</c>, 1 or 0).</summary>
    /// <value>The default value is true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Most lots the auto-trader holds, whatever the Kelly sizing asks for (<c>ARIA_AUTOTRADE_LOTS</c>).</summary>
    /// <value>The default value is 1 lot.</value>
    public decimal Lots { get; set; } = 1m;

    /// <summary>Time between analyses (<c>AI_BASE_ANALYSIS_INTERVAL</c>, seconds).</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan AnalysisInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Delay before the first analysis after start.</summary>
    public TimeSpan FirstAnalysisDelay { get; set; } = TimeSpan.FromSeconds(5);
}
