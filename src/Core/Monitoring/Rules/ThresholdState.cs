namespace AriaPro.Core.Monitoring.Rules;

/// <summary>One threshold rule on one series.</summary>
internal sealed class ThresholdState(ThresholdRule rule, string key, string summary)
{
    /// <summary>1 while the fast path last saw the rule hold; written by concurrent Observe calls.</summary>
    public int Observed;

    public ThresholdRule Rule { get; } = rule;

    public string Key { get; } = key;

    public string Summary { get; } = summary;

    /// <summary>Since when Evaluate has seen the rule hold; Evaluate's thread only.</summary>
    public DateTimeOffset? Since { get; set; }
}
