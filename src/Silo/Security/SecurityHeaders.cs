namespace AriaPro.Silo.Security;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing (clickjacking), no referrer, and
/// API answers never cached; over HTTPS, Strict-Transport-Security.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>HSTS lifetime: one year.</summary>
    public const int HstsSeconds = 31_536_000;

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseAriaSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            if (!context.Request.Path.StartsWithSegments("/dashboard"))
            {
                headers.CacheControl = "no-store";
            }

            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = $"max-age={HstsSeconds}";
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
