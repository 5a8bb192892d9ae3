using AriaPro.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AriaPro.Silo.Http;

/// <summary>
/// <c>/console/</c>: the operator's web console. The page and its assets are anonymous (the
/// fallback policy would ask for a viewer); everything it shows comes from the authorized API
/// and <c>/ws</c> with the token the operator logs in for.
/// </summary>
public static class ConsoleApi
{
    /// <summary>Where the console is served; <c>/console</c> redirects here.</summary>
    public const string Root = "/console/";

    /// <summary>
    /// The console's policy: its own scripts, styles and API only, WebSockets to any host (the
    /// page's own /ws, behind whatever proxy), data: images, and never framed.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'";

    /// <summary>
    /// Maps the console. Call it before <see cref="SecurityHeaders.UseAriaSecurityHeaders"/>: the
    /// response's OnStarting callbacks run last-registered first, so registering the console's
    /// headers first lets them replace the facade's API defaults (frame-ancestors only, no-store).
    /// </summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        var assets = ConsoleAssets.Load(typeof(ConsoleApi).Assembly);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/console"))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;

                    // Revalidated on every load against the ETag: a new silo's page is seen at once.
                    headers.CacheControl = "no-cache";
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
        app.MapGet("/console/{file?}", (string? file, HttpContext context) => Serve(assets, file, context)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Results<FileContentHttpResult, RedirectHttpResult, ProblemHttpResult> Serve(ConsoleAssets assets, string? file, HttpContext context)
    {
        if (file is null && !context.Request.Path.Value!.EndsWith('/'))
        {
            // Relative URLs in the page (its scripts and console.css) resolve under /console/ only.
            return TypedResults.Redirect(Root);
        }

        return assets.Find(file ?? "index.html") is { } asset
            ? TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag)
            : Problems.Create(StatusCodes.Status404NotFound, "Unknown console file",
                $"the console has no file '{file}'; it serves {string.Join(", ", assets.Names.Order(StringComparer.Ordinal))}");
    }
}
