using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>Declares the bearer scheme every authorized operation refers to: a JWT from <c>POST /auth/token</c>.</summary>
internal sealed class BearerScheme : IOpenApiDocumentTransformer
{
    /// <summary>The scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string Name = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from POST /auth/token (exchange an API key). Programs send it as `Authorization: Bearer <token>`; " +
                "a browser may log in with `\"cookie\": true` and send the HttpOnly cookie instead, and a browser's WebSocket `?access_token=` on /ws. " +
                "Roles nest: viewer ⊂ trader ⊂ admin (an admin token passes every check).",
        };
        return Task.CompletedTask;
    }

    /// <summary>The requirement an authorized operation lists: this scheme, no scopes.</summary>
    public static OpenApiSecurityRequirement Requirement(OpenApiDocument document) => new()
    {
        [new OpenApiSecuritySchemeReference(Name, document)] = [],
    };
}
