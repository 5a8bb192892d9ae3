using AriaPro.Silo.Security.RateLimiting;

namespace AriaPro.Silo.Security.Audit;

/// <summary>Records every rate-limit penalty this silo imposes as <c>rate_limit_penalty</c>.</summary>
public sealed class AuditPenaltyObserver(IAuditLog audit, TimeProvider time) : IPenaltyObserver
{
    private const string KeyPrefix = "key:";
    private const string IpPrefix = "ip:";

    /// <inheritdoc/>
    public void OnPenaltyImposed(PenaltyImposed penalty)
    {
        ArgumentNullException.ThrowIfNull(penalty);

        // The limiter names a principal key:ID or ip:ADDRESS; the audit names it by key id and address.
        var principal = penalty.Principal.StartsWith(KeyPrefix, StringComparison.Ordinal) ? penalty.Principal[KeyPrefix.Length..] : AuditEvent.Anonymous;
        var address = penalty.Principal.StartsWith(IpPrefix, StringComparison.Ordinal) ? penalty.Principal[IpPrefix.Length..] : null;
        audit.Record(new AuditEvent(time.GetUtcNow(), AuditEventTypes.RateLimitPenalty, principal, address, null, null,
            $"locked out at level {penalty.Level}",
            AuditEvent.ToDictionary([("level", penalty.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("until", AuditJson.Time(penalty.Until))])));
    }
}
