namespace AriaPro.Replay;

/// <summary>
/// One signal model's direction calls over the replay, each scored against the next bar's close
/// (the rule the model grains use for their rolling accuracy): a call of exactly one half, a
/// missing answer, the last bar and an unchanged close are not scored.
/// </summary>
/// <param name="ModelId">The model.</param>
/// <param name="Answers">Bars on which the model answered with a probability.</param>
/// <param name="Scored">Calls scored against the next bar.</param>
/// <param name="Hits">Scored calls whose direction was right.</param>
public sealed record ModelAccuracy(string ModelId, int Answers, int Scored, int Hits)
{
    /// <summary>Hits over scored calls; null when nothing was scored.</summary>
    public double? Accuracy => Scored == 0 ? null : Hits / (double)Scored;
}
