using System.Diagnostics.Metrics;
using AriaPro.Grains.Monitoring;
using AriaPro.Silo.Security.RateLimiting;

namespace AriaPro.Silo.Security;

/// <summary>The facade's security instruments: authentication failures and rate-limit refusals.</summary>
public sealed class SecurityMetrics
{
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _refusals;

    /// <summary>Creates the instruments on the AriaPro meter of <paramref name="meters"/>.</summary>
    public SecurityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AriaMetrics.MeterName);
        _authFailures = meter.CreateCounter<long>("aria.auth.failures", "{request}",
            "Requests refused for a missing, bad, expired or revoked token (token), an unknown API key (api_key), or a missing role (role)");
        _refusals = meter.CreateCounter<long>("aria.ratelimit.refusals", "{request}", "Requests refused with 429, by the limit that refused them");
    }

    /// <summary>A request failed authentication or authorization; <paramref name="reason"/> is token, api_key or role.</summary>
    public void AuthFailed(string reason) => _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A request was refused by a rate limit or a penalty.</summary>
    public void RateLimited(RateLimitDecision decision) =>
        _refusals.Add(1, new KeyValuePair<string, object?>("partition", decision.Scope?.ToString().ToLowerInvariant() ?? "unknown"));
}
