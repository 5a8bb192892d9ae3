using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Silo.Security.RateLimiting;

namespace AriaPro.Silo.Security.Audit;

/// <summary>
/// One security-relevant action. The principal is an API key id (the token's <c>sub</c>), never a
/// key, a token or a secret; details carry ids and outcomes only.
/// </summary>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Type">One of <see cref="AuditEventTypes"/>.</param>
/// <param name="Principal">The API key id, or <see cref="Anonymous"/>.</param>
/// <param name="RemoteIp">The client's address, when there was a request.</param>
/// <param name="Method">The request's method, when there was a request.</param>
/// <param name="Path">The request's path, when there was a request.</param>
/// <param name="Outcome">What happened, in a few words.</param>
/// <param name="Details">Ids and values that identify what was acted on.</param>
public sealed record AuditEvent(
    DateTimeOffset Time,
    string Type,
    string Principal,
    string? RemoteIp,
    string? Method,
    string? Path,
    string Outcome,
    IReadOnlyDictionary<string, string> Details)
{
    /// <summary>The principal of a request without a valid token.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>An event for the request <paramref name="context"/>; the principal is its token's <c>sub</c>.</summary>
    public static AuditEvent ForRequest(HttpContext context, DateTimeOffset time, string type, string outcome, params (string Name, string Value)[] details)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var principal = user.Identity?.IsAuthenticated == true && user.FindFirst("sub") is { Value.Length: > 0 } sub ? sub.Value : Anonymous;
        return new(time, type, principal, IpFilter.Normalize(context.Connection.RemoteIpAddress)?.ToString(),
            context.Request.Method, context.Request.Path.Value, outcome, ToDictionary(details));
    }

    /// <summary>The wire form published on the <c>security_event</c> stream.</summary>
    public SecurityEvent ToSecurityEvent() =>
        new(Time, Type, Principal, RemoteIp, Method, Path, Outcome, Details.ToImmutableDictionary(StringComparer.Ordinal));

    internal static IReadOnlyDictionary<string, string> ToDictionary((string Name, string Value)[] details)
    {
        var dictionary = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in details)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }
}
