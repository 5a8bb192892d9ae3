using System.Security.Claims;
using Microsoft.AspNetCore.Routing;

namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// Builds a request's partitions (principal, endpoint when it has its own limit, global), scales
/// their limits by the adaptive factor, asks the store, and tells observers of new penalties.
/// </summary>
public sealed partial class RateLimiter(
    IRateLimitStore store, AdaptiveLimits adaptive, RateLimitOptions options, IEnumerable<IPenaltyObserver> observers, ILogger<RateLimiter> logger)
{
    private readonly IPenaltyObserver[] _observers = [.. observers];

    /// <summary>Decides one request of <paramref name="principal"/> to <paramref name="endpoint"/>.</summary>
    public async Task<RateLimitDecision> CheckAsync(string principal, string endpoint, CancellationToken cancellationToken = default)
    {
        var factor = adaptive.Factor;
        var partitions = new List<RateLimitPartition>(3)
        {
            new(RateLimitScope.Principal, "p:" + principal, AdaptiveRule.Apply(options.RequestsPerMinute, factor)),
        };
        if (options.EndpointLimits.TryGetValue(endpoint, out var endpointLimit))
        {
            partitions.Add(new(RateLimitScope.Endpoint, "e:" + principal + "|" + endpoint, AdaptiveRule.Apply(endpointLimit, factor)));
        }

        partitions.Add(new(RateLimitScope.Global, "g", AdaptiveRule.Apply(options.GlobalPerMinute, factor)));

        var decision = await store.AcquireAsync(principal, partitions, cancellationToken);
        if (decision is { PenaltyImposed: true, Penalty: { } penalty })
        {
            LogPenalty(principal, penalty.Level, penalty.Until, endpoint);
            var imposed = new PenaltyImposed(principal, penalty.Level, penalty.Until);
            foreach (var observer in _observers)
            {
                try
                {
                    observer.OnPenaltyImposed(imposed);
                }
                catch (Exception exception)
                {
                    LogObserverFailed(exception, observer.GetType().Name);
                }
            }
        }

        return decision;
    }

    /// <summary><c>key:ID</c> from the authenticated user's <c>sub</c> claim, else <c>ip:ADDRESS</c>.</summary>
    public static string PrincipalOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && (user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier)) is { Value.Length: > 0 } sub)
        {
            return "key:" + sub.Value;
        }

        return "ip:" + (IpFilter.Normalize(context.Connection.RemoteIpAddress)?.ToString() ?? "unknown");
    }

    /// <summary><c>METHOD /route/pattern</c> of the matched endpoint, else <c>METHOD /path</c>.</summary>
    public static string EndpointOf(HttpContext context)
    {
        var method = context.Request.Method.ToUpperInvariant();
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern })
        {
            return method + " " + (pattern.StartsWith('/') ? pattern : "/" + pattern);
        }

        return method + " " + context.Request.Path.Value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate-limit penalty level {Level} for {Principal} until {Until} (last request {Endpoint})")]
    private partial void LogPenalty(string principal, int level, DateTimeOffset until, string endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Penalty observer {Observer} failed")]
    private partial void LogObserverFailed(Exception exception, string observer);
}
