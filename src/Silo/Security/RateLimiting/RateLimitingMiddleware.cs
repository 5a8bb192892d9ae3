namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>Refuses requests over any limit with 429; health endpoints pass untouched.</summary>
internal sealed class RateLimitingMiddleware(RequestDelegate next, RateLimiter limiter, RateLimitOptions options, SecurityMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsHealth(context))
        {
            await next(context);
            return;
        }

        var principal = RateLimiter.PrincipalOf(context);
        var endpoint = RateLimiter.EndpointOf(context);
        var decision = await limiter.CheckAsync(principal, endpoint, context.RequestAborted);
        context.Features.Set(decision);
        if (decision.Admitted)
        {
            await next(context);
            return;
        }

        metrics.RateLimited(decision);
        await RateLimitProblem.WriteRefusalAsync(context, decision, principal, endpoint, options);
    }

    internal static bool IsHealth(HttpContext context) => context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
