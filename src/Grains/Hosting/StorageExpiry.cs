namespace AriaPro.Grains.Hosting;

/// <summary>
/// How long a record of a provider stays after its last write (the orders' retention,
/// <c>ARIA_ORDER_RETENTION_DAYS</c>): a record older than that reads as absent and is deleted by
/// a sweep at most every <see cref="SweepInterval"/>. Redis does the same with a key expiry.
/// </summary>
/// <param name="After">How long a record stays after its last write.</param>
/// <param name="Time">The clock the age is measured on (the trading clock).</param>
public sealed record StorageExpiry(TimeSpan After, TimeProvider Time)
{
    /// <summary>How often expired records are deleted at most.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);
}
