namespace AriaPro.Replay;

/// <summary>The state of the replayed account at the close of one bar.</summary>
/// <param name="Time">The bar's time (UTC), which was the trading clock's time.</param>
/// <param name="Close">The bar's close.</param>
/// <param name="Position">The trader's position in lots after the bar (positive long, negative short).</param>
/// <param name="Equity">The risk grain's marked-to-market equity in the account currency.</param>
/// <param name="Drawdown">Fall from the highest equity so far, as a fraction of it (0 at a new high).</param>
/// <param name="ProbabilityUp">The fused signal's probability that the next bar closes higher.</param>
public sealed record ReplaySample(DateTimeOffset Time, decimal Close, decimal Position, decimal Equity, double Drawdown, double ProbabilityUp);
