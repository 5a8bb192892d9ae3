using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// The facade's contract: the OpenAPI document at <see cref="DocumentPath"/> (ASP.NET Core's own
/// generator plus the transformers of this folder) and Scalar's reference at <see cref="DocsPath"/>.
/// Both are anonymous, like /console: the contract says what exists and which role it needs, never
/// anything a token would protect.
/// </summary>
public static class OpenApiExtensions
{
    /// <summary>The document's name.</summary>
    public const string DocumentName = "v1";

    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Where the browsable reference is served.</summary>
    public const string DocsPath = "/docs";

    /// <summary>
    /// The reference page's policy: its own embedded script and the document, inline styles and
    /// the configuration script Scalar writes into the page, data: fonts and images; nothing from
    /// another host, and never framed.
    /// </summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddAriaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<BearerScheme>();
            options.AddDocumentTransformer<NonHandlerEndpoints>();
            options.AddDocumentTransformer<DocumentInfo>();
            options.AddDocumentTransformer<ProblemSchemas>();
            options.AddOperationTransformer<EventStreamDescription>();
            options.AddOperationTransformer<RoleTransformer>();
            options.AddOperationTransformer<ProblemResponses>();
            options.AddSchemaTransformer<RequestSchemas>();
        });

    /// <summary>
    /// Maps the document and the reference, both anonymous. Call it before
    /// <c>UseAriaSecurityHeaders</c>, as the console does, so the page's policy replaces the API default.
    /// </summary>
    public static WebApplication MapAriaApiReference(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DocsPath))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.ContentSecurityPolicy = DocsContentSecurityPolicy;
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference(DocsPath, options => options
            .WithTitle("AriaPro HTTP API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton()
            .HideDeveloperTools())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
