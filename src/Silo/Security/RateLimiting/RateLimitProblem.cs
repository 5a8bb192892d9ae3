using System.Globalization;

namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>The 429 (and the IP filter's 403): Retry-After and an RFC 7807 body naming the limit.</summary>
internal static class RateLimitProblem
{
    public static Task WriteRefusalAsync(HttpContext context, RateLimitDecision decision, string principal, string endpoint, RateLimitOptions options)
    {
        var seconds = decision.RetryAfterSeconds;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var extensions = new Dictionary<string, object?>
        {
            ["limit"] = decision.Scope?.ToString().ToLowerInvariant(),
            ["retryAfterSeconds"] = seconds,
        };
        if (decision.Penalty is { } penalty)
        {
            extensions["penaltyLevel"] = penalty.Level;
            extensions["lockedOutUntil"] = penalty.Until;
        }

        var detail = Detail(decision, principal, endpoint, options) + $" Retry after {seconds} s.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", extensions: extensions)
            .ExecuteAsync(context);
    }

    public static Task WriteForbiddenAsync(HttpContext context, string address) =>
        TypedResults.Problem($"Requests from {address} are not accepted (IP allow or deny list).",
            statusCode: StatusCodes.Status403Forbidden, title: "Address not allowed").ExecuteAsync(context);

    private static string Detail(RateLimitDecision decision, string principal, string endpoint, RateLimitOptions options)
    {
        var window = Span(options.Window);
        var hit = decision.RefusedBy switch
        {
            { Scope: RateLimitScope.Principal, Limit: var n } => $"the principal limit of {n} requests per {window} for {principal}",
            { Scope: RateLimitScope.Endpoint, Limit: var n } => $"the endpoint limit of {n} requests per {window} on {endpoint} for {principal}",
            { Scope: RateLimitScope.Global, Limit: var n } => $"the global limit of {n} requests per {window} across all clients",
            _ => null,
        };
        return (hit, decision.Penalty) switch
        {
            (not null, { } p) => $"Rate limit hit: {hit}. That was {options.StrikeRefusals} refusals within {Span(options.StrikeWindow)}, " +
                $"so {principal} gets penalty level {p.Level} and is locked out until {Until(p)}.",
            (null, { } p) => $"Rate limit hit: penalty level {p.Level}, {principal} is locked out until {Until(p)} for repeatedly exceeding the limits.",
            _ => $"Rate limit hit: {hit}.",
        };
    }

    private static string Until(Penalty penalty) => penalty.Until.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span == TimeSpan.FromMinutes(1)
        ? "minute"
        : span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
