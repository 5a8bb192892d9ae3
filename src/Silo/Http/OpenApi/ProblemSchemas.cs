using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>Makes sure the problem schemas the problem answers refer to are in the components, whichever endpoints declared them.</summary>
internal sealed class ProblemSchemas : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, type) in new[] { ("ProblemDetails", typeof(ProblemDetails)), ("HttpValidationProblemDetails", typeof(HttpValidationProblemDetails)) })
        {
            if (!document.Components.Schemas.ContainsKey(name))
            {
                document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
            }
        }
    }
}
