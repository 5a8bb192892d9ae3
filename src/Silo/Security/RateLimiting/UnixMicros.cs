namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>Microseconds since the Unix epoch: the unit of Redis's TIME and of every window entry.</summary>
internal static class UnixMicros
{
    public static long From(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static long From(TimeSpan value) => value.Ticks / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset ToTime(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);

    public static TimeSpan ToSpan(long micros) => TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond);
}
