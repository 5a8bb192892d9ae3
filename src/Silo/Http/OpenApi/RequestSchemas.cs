using AriaPro.Grains.Interfaces.Trading;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// Makes schemas say what the facade does: enums are strings (their names), and an order's
/// <c>source</c> is set by the silo (<c>api</c> for every order through the facade), never read from the body.
/// </summary>
internal sealed class RequestSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // The facade writes and reads enums by name (JsonStringEnumConverter): say they are strings.
        if (context.JsonTypeInfo.Type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (context.JsonTypeInfo.Type == typeof(OrderRequest))
        {
            schema.Properties?.Remove("source");
            schema.Required?.Remove("source");
        }

        return Task.CompletedTask;
    }
}
