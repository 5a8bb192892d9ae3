using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>The document's title, version and the conventions every operation shares; and no empty tag.</summary>
internal sealed class DocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "AriaPro HTTP API",
            Version = OpenApiExtensions.DocumentName,
            Description = "The HTTP facade of the AriaPro trading cluster. JSON in and out (camelCase, enums as their names, absent nulls). " +
                "Every refusal is an RFC 7807 problem document (`application/problem+json`) with a detail a person can act on; bad input never reaches a grain. " +
                "Authorize with a bearer JWT from POST /auth/token; each operation names the role it needs (`x-aria-role`: viewer ⊂ trader ⊂ admin, or anonymous). " +
                "Every request but the health probes counts against the rate limits (429 with Retry-After).",
        };
        // A tag no operation uses (the default one of a handler whose operation was given its own) is an empty group in the reference.
        var used = document.Paths.Values
            .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            .Select(t => t.Name).ToHashSet();
        foreach (var unused in document.Tags?.Where(t => !used.Contains(t.Name)).ToList() ?? [])
        {
            document.Tags!.Remove(unused);
        }
        return Task.CompletedTask;
    }
}
