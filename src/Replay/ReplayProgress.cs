namespace AriaPro.Replay;

/// <summary>How far a replay has come: bars replayed so far out of the bars in the range.</summary>
/// <param name="BarsDone">Bars replayed so far.</param>
/// <param name="TotalBars">Bars in the replayed range.</param>
public readonly record struct ReplayProgress(int BarsDone, int TotalBars);
