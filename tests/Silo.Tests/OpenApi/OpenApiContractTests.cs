using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Events;
using AriaPro.Silo.Http.OpenApi;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>
/// Keeps /openapi/v1.json honest against a real silo: every mapped API endpoint is in it, with the
/// role its metadata enforces; it validates with a real OpenAPI validator; and every response it
/// documents was produced by a real call (<see cref="ContractProbes"/>), none that was produced is missing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OpenApiContractTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    /// <summary>Mapped routes that are not the API, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotApi = new Dictionary<string, string>
    {
        ["/openapi/"] = "the document itself",
        ["/docs"] = "the browsable reference (Scalar's page and its embedded script)",
        ["/console"] = "the web console's page and static assets",
        ["/dashboard"] = "the Orleans dashboard's page, assets and private JSON feed (admin, not a public contract)",
    };

    [Fact]
    public void Document_EveryMappedApiEndpoint_IsListedWithItsMethod()
    {
        var mapped = MappedEndpoints().Where(e => !IsNotApi(e.Route)).Select(e => $"{e.Method} {e.Route}").ToHashSet();
        var documented = DocumentOperation.All(fixture.Document).Select(o => $"{o.Method} {o.Path}").ToHashSet();

        Assert.True(mapped.Count >= 30, $"only {mapped.Count} endpoints found: {string.Join(", ", mapped)}");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(documented.Except(mapped).Order());
    }

    [Fact]
    public void Document_EveryOperation_NamesTheRoleItsMetadataEnforces()
    {
        var metadata = MappedEndpoints().ToDictionary(e => $"{e.Method} {e.Route}", e => e.Endpoint.Metadata);

        foreach (var op in DocumentOperation.All(fixture.Document))
        {
            var role = EndpointRoles.Of(metadata[$"{op.Method} {op.Path}"]) ?? EndpointRoles.Anonymous;
            Assert.True(role == op.Role, $"{op.Method} {op.Path} documents {op.Role}, its metadata needs {role}");
            var security = op.Operation["security"]?.AsArray();
            if (role == EndpointRoles.Anonymous)
            {
                Assert.True(security is null || security.Count == 0, $"{op.Method} {op.Path} is anonymous but lists a security requirement");
            }
            else
            {
                Assert.Equal("bearer", Assert.Single(Assert.Single(security!)!.AsObject()).Key);
                Assert.Contains($"Needs the role **{role}**", (string?)op.Operation["description"], StringComparison.Ordinal);
            }
        }

        Assert.Equal("http", (string?)fixture.Document["components"]!["securitySchemes"]!["bearer"]!["type"]);
        Assert.Equal("JWT", (string?)fixture.Document["components"]!["securitySchemes"]!["bearer"]!["bearerFormat"]);
    }

    [Theory]
    [InlineData(typeof(OrderStatus))]
    [InlineData(typeof(OrderSide))]
    [InlineData(typeof(CircuitState))]
    [InlineData(typeof(TradingState))]
    public void Document_Enum_IsTheStringNamesTheFacadeWrites(Type type)
    {
        var schema = fixture.Document["components"]!["schemas"]![type.Name]!;

        Assert.Equal("string", (string?)schema["type"]);
        Assert.Equal(Enum.GetNames(type), schema["enum"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Document_EveryProblemAnswer_IsProblemJsonWithAnExample()
    {
        foreach (var op in DocumentOperation.All(fixture.Document).Where(o => !o.Path.StartsWith("/health", StringComparison.Ordinal)))
        {
            foreach (var status in op.Statuses.Where(s => s >= 400))
            {
                var content = op.Operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]?["application/problem+json"];
                Assert.True(content is not null, $"{op.Method} {op.Path} {status} is not application/problem+json");
                Assert.Equal(status, (int?)content["example"]?["status"]);
            }
        }
    }

    [Fact]
    public void Document_WebSocketDescription_ListsEveryEventTypeOfTheCode()
    {
        var description = (string)fixture.Document["paths"]!["/ws"]!["get"]!["description"]!;

        foreach (var type in EventTypes.All.Append(EventTypes.Welcome).Append(EventTypes.Subscribed).Append(EventTypes.Error))
        {
            Assert.Contains($"`{type}`", description, StringComparison.Ordinal);
        }

        Assert.Contains("\"type\"", description, StringComparison.Ordinal);
        Assert.Contains("\"data\"", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_ValidatesWithSwaggerParser()
    {
        var contract = Path.Combine(Repository.Root, "tests", "contract");
        Assert.True(Directory.Exists(Path.Combine(contract, "node_modules", "@apidevtools", "swagger-parser")),
            $"the OpenAPI validator is not installed: run `npm ci` in {contract} (./test.sh does)");
        var file = Path.Combine(Path.GetTempPath(), $"aria-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, fixture.DocumentText);
        try
        {
            var (exit, output) = await ChildProcess.RunAsync("node", ["validate.mjs", file], directory: contract);

            Assert.True(exit == 0, $"the validator refused the document (exit {exit}):\n{output}");
            Assert.StartsWith("valid: AriaPro HTTP API v1 (OpenAPI 3.1", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Document_EveryDocumentedResponse_IsProducedByARealCall()
    {
        await new ContractProbes(fixture).RunAsync();

        var produced = fixture.Produced();
        var documented = DocumentOperation.All(fixture.Document)
            .SelectMany(o => o.Statuses.Select(s => new ProducedResponse(o.Method, o.Path, s))).ToHashSet();
        var neverProduced = documented.Except(produced).Select(r => $"{r.Method} {r.Route} {r.Status}").Order().ToList();
        var undocumented = produced.Where(p => documented.Any(d => d.Method == p.Method && d.Route == p.Route)).Except(documented)
            .Select(r => $"{r.Method} {r.Route} {r.Status}").Order().ToList();

        Assert.True(documented.Count > 100, $"only {documented.Count} documented responses");
        Assert.True(neverProduced.Count == 0, $"documented but never produced by a real call:\n{string.Join("\n", neverProduced)}");
        Assert.True(undocumented.Count == 0, $"produced but not documented:\n{string.Join("\n", undocumented)}");
    }

    private List<(string Method, string Route, RouteEndpoint Endpoint)> MappedEndpoints() =>
    [
        .. from endpoint in fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
           // The health probes and the exposition are middleware that answer any method; they document GET.
           from method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]
           select (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint),
    ];

    private static bool IsNotApi(string route) => NotApi.Keys.Any(prefix => route.StartsWith(prefix, StringComparison.Ordinal));
}
