namespace AriaPro.Replay;

/// <summary>The state of the replayed account at the close of one step: the bars of every pair at one time.</summary>
/// <param name="Time">The step's time (UTC), which was the trading clock's time.</param>
/// <param name="Legs">Each pair's close, position and signal after the step, in the order of <see cref="ReplayResult.Symbols"/>.</param>
/// <param name="Equity">The risk grain's marked-to-market equity in the account currency.</param>
/// <param name="Drawdown">Fall from the highest equity so far, as a fraction of it (0 at a new high).</param>
public sealed record ReplaySample(DateTimeOffset Time, IReadOnlyList<ReplayLeg> Legs, decimal Equity, double Drawdown)
{
    /// <summary>The first pair's close (the only pair's in a one-pair replay).</summary>
    public decimal Close => Legs[0].Close;

    /// <summary>The first pair's position in lots (the only pair's in a one-pair replay).</summary>
    public decimal Position => Legs[0].Position;

    /// <inheritdoc />
    public bool Equals(ReplaySample? other) =>
        other is not null && Time == other.Time && Equity == other.Equity && Drawdown.Equals(other.Drawdown) && Legs.SequenceEqual(other.Legs);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Time, Equity, Drawdown, Legs.Count);
}

/// <summary>One pair within a <see cref="ReplaySample"/>.</summary>
/// <param name="Close">The pair's latest close (its bar of the step, or its last one before).</param>
/// <param name="Position">The trader's position in lots (positive long, negative short).</param>
/// <param name="ProbabilityUp">The fused signal's latest probability that the pair's next bar closes higher.</param>
public readonly record struct ReplayLeg(decimal Close, decimal Position, double ProbabilityUp);
