using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// Writes each operation's role (from its authorization metadata) into its description, the
/// <c>x-aria-role</c> extension and a bearer security requirement; anonymous operations get none.
/// </summary>
internal sealed class RoleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        Apply(operation, EndpointRoles.Of(context.Description.ActionDescriptor.EndpointMetadata), context.Document!);
        return Task.CompletedTask;
    }

    /// <summary>Describes <paramref name="role"/> (null: anonymous) on <paramref name="operation"/>.</summary>
    public static void Apply(OpenApiOperation operation, string? role, OpenApiDocument document)
    {
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[EndpointRoles.Extension] = new JsonNodeExtension(JsonValue.Create(role ?? EndpointRoles.Anonymous));
        var sentence = role is null
            ? "Anonymous: no token needed."
            : $"Needs the role **{role}** (a bearer token from POST /auth/token whose roles include {role}).";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? sentence : $"{operation.Description}\n\n{sentence}";
        if (role is not null)
        {
            operation.Security = [BearerScheme.Requirement(document)];
        }
    }
}
