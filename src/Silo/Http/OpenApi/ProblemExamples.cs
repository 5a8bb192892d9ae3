using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// What each problem answer of the facade looks like: its description in the document and an
/// example body, worded as the facade words it (Problems, AuthExtensions, RateLimitProblem,
/// FacadeExceptionHandler).
/// </summary>
public static class ProblemExamples
{
    /// <summary>The problem statuses the document describes.</summary>
    public static readonly IReadOnlyList<int> Statuses = [400, 401, 403, 404, 409, 429, 503];

    /// <summary>A one-line description of what <paramref name="status"/> means on this facade.</summary>
    public static string Description(int status) => status switch
    {
        400 => "Bad input: the body, a path or query parameter is invalid; `errors` names each field. Nothing changed.",
        401 => "No token, or an expired, revoked or unknown one (WWW-Authenticate: Bearer). Get one from POST /auth/token.",
        403 => "The token lacks the role the operation needs (or the caller's address is denied by ARIA_IP_DENY / outside ARIA_IP_ALLOW).",
        404 => "What the path names does not exist; the detail lists what does.",
        409 => "The request conflicts with the current state (a finished order, a job already running); the detail says what to do.",
        429 => "Over a rate limit; Retry-After says when to try again.",
        503 => "The trading cluster or its storage did not answer in time; retry after Retry-After seconds (an order with the same client order id is safe to retry).",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a problem status of the facade"),
    };

    /// <summary>An example body for <paramref name="status"/> on an operation that needs <paramref name="role"/>.</summary>
    public static JsonObject Example(int status, string? role)
    {
        var (title, detail) = status switch
        {
            400 => ("The request is invalid", "quantity must be greater than 0"),
            401 => ("Authentication required", "a bearer token is required (Authorization: Bearer, or the login cookie); get one from POST /auth/token"),
            403 => ("Forbidden", $"this needs the role {role ?? AriaRoles.Admin}; the token has {AriaRoles.Viewer}"),
            404 => ("Unknown symbol", "symbol 'XAUUSD' is not traded here; traded symbols: EURUSD, GBPUSD, USDJPY"),
            409 => ("Order already finished", "order 'my-1' is Filled and can no longer be cancelled"),
            429 => ("Too many requests", "key k-1 sent more than 60 requests in 1 min. Retry after 12 s."),
            503 => ("Trading cluster unavailable", "The trading cluster or its storage did not answer (TimeoutException). Retry after 5 s; retrying an order with the same client order id is safe."),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a problem status of the facade"),
        };
        var example = new JsonObject();
        if (Type(status) is { } type)
        {
            example["type"] = type;
        }

        example["title"] = title;
        example["status"] = status;
        example["detail"] = detail;
        if (status == 400)
        {
            example["errors"] = new JsonObject { ["quantity"] = new JsonArray("quantity must be greater than 0") };
        }

        if (status == 429)
        {
            // The rate limiter's own members: which limit refused, and the same wait as Retry-After.
            example["limit"] = "principal";
            example["retryAfterSeconds"] = 12;
        }

        example["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        return example;
    }

    // The type ASP.NET Core's problem details give each status (RFC 9110's section of it); the rate
    // limiter writes its 429 without one.
    private static string? Type(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        429 => null,
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a problem status of the facade"),
    };
}
