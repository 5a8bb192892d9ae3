using AriaPro.Grains.Interfaces.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// Adds the endpoints that are middleware rather than route handlers, which ASP.NET's API
/// explorer does not see: the health probes and the Prometheus exposition. Their roles come from
/// their own endpoint metadata, as for every other operation.
/// </summary>
internal sealed class NonHandlerEndpoints : IOpenApiDocumentTransformer
{
    /// <summary>The paths this transformer documents.</summary>
    public static readonly IReadOnlyList<string> Paths = ["/health/live", "/health/ready", "/monitoring/metrics"];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoints = context.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[nameof(HealthReportView)] = await context.GetOrCreateSchemaAsync(typeof(HealthReportView), cancellationToken: cancellationToken);
        var health = new OpenApiSchemaReference(nameof(HealthReportView), document);
        document.Paths ??= new OpenApiPaths();
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Health", Description = "Liveness and readiness probes for orchestrators" });
        foreach (var path in Paths)
        {
            var endpoint = endpoints.Single(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == path);
            var operation = path == "/monitoring/metrics" ? Metrics(document) : Health(path, health, document);
            RoleTransformer.Apply(operation, EndpointRoles.Of(endpoint.Metadata), document);
            if (path == "/monitoring/metrics")
            {
                ProblemResponses.Apply(operation, endpoint.Metadata, path, document);
            }

            document.Paths[path] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
        }
    }

    private static OpenApiOperation Health(string path, IOpenApiSchema report, OpenApiDocument document)
    {
        var ready = path.EndsWith("/ready", StringComparison.Ordinal);
        var operation = new OpenApiOperation
        {
            OperationId = ready ? "GetReadiness" : "GetLiveness",
            Summary = ready ? "Readiness: the cluster answers (and, in cluster mode, Redis)" : "Liveness: the process serves requests",
            Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
            Responses = new OpenApiResponses { ["200"] = Report("Healthy: every check passed.", report) },
        };
        if (ready)
        {
            operation.Responses["503"] = Report("Unhealthy: a check failed; the report says which. Not a problem document: the same report with status Unhealthy.", report);
        }

        return operation;
    }

    private static OpenApiResponse Report(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };

    private static OpenApiOperation Metrics(OpenApiDocument document) => new()
    {
        OperationId = "GetPrometheusMetrics",
        Summary = "Prometheus text exposition of the silo's metrics",
        Tags = new HashSet<OpenApiTagReference> { new("Monitoring", document) },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "The metrics in the Prometheus text format (version 0.0.4).",
                Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            },
        },
    };
}
