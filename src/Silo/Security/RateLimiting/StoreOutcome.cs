namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// The raw answer both stores compute, in Redis's reply shape: the refused partition's 1-based
/// index (0 none, -1 locked out), the decision time, when a retry can succeed (the lockout's end
/// when there is one), the penalty level and whether this refusal imposed it. Times in Unix µs.
/// </summary>
internal readonly record struct StoreOutcome(bool Admitted, int RefusedIndex, long Now, long RetryAt, int Level, bool Imposed)
{
    public const int LockedOut = -1;

    public RateLimitDecision ToDecision(IReadOnlyList<RateLimitPartition> partitions)
    {
        var at = UnixMicros.ToTime(Now);
        if (Admitted)
        {
            return RateLimitDecision.Allowed(at);
        }

        return new RateLimitDecision
        {
            Admitted = false,
            At = at,
            RefusedBy = RefusedIndex > 0 ? partitions[RefusedIndex - 1] : null,
            Penalty = Level > 0 ? new Penalty(Level, UnixMicros.ToTime(RetryAt)) : null,
            PenaltyImposed = Imposed,
            RetryAfter = UnixMicros.ToSpan(Math.Max(0, RetryAt - Now)),
        };
    }
}
