namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>Refuses addresses outside the allow list or inside the deny list with 403; health endpoints stay open for probes.</summary>
internal sealed class IpFilterMiddleware(RequestDelegate next, IpFilter filter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (RateLimitingMiddleware.IsHealth(context) || filter.IsAllowed(address))
        {
            await next(context);
            return;
        }

        await RateLimitProblem.WriteForbiddenAsync(context, IpFilter.Normalize(address)?.ToString() ?? "an unknown address");
    }
}
