using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// Gives every operation the problem answers it can produce, each as <c>application/problem+json</c>
/// with an example: those its endpoint declares (ProducesProblem, a ValidationProblem result), 401
/// when it needs a token, 403 when it needs more than a viewer, and 429 unless the rate limiter
/// lets it pass (the health probes).
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        Apply(operation, metadata, "/" + context.Description.RelativePath, context.Document!);
        return Task.CompletedTask;
    }

    /// <summary>Adds the problem answers of the endpoint with <paramref name="metadata"/> at <paramref name="route"/>.</summary>
    public static void Apply(OpenApiOperation operation, IEnumerable<object> metadata, string route, OpenApiDocument document)
    {
        var items = metadata.ToList();
        var role = EndpointRoles.Of(items);
        var statuses = new SortedSet<int>(items.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).Where(s => s >= 400));
        foreach (var key in operation.Responses?.Keys ?? Enumerable.Empty<string>())
        {
            if (int.TryParse(key, out var status) && status >= 400)
            {
                statuses.Add(status);
            }
        }

        if (role is not null)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
        }

        if (EndpointRoles.AboveViewer(role))
        {
            statuses.Add(StatusCodes.Status403Forbidden);
        }

        if (!route.StartsWith("/health", StringComparison.OrdinalIgnoreCase))
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var schema = status == StatusCodes.Status400BadRequest ? "HttpValidationProblemDetails" : "ProblemDetails";
            operation.Responses[key] = new OpenApiResponse
            {
                Description = ProblemExamples.Description(status),
                Headers = RetryAfter(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchemaReference(schema, document),
                        Example = ProblemExamples.Example(status, role),
                    },
                },
            };
        }
    }

    private static Dictionary<string, IOpenApiHeader>? RetryAfter(int status) =>
        status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
            ? new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            }
            : null;
}
