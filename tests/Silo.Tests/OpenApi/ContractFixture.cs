using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>
/// Two real hosts on loopback sockets, each recording what it produces: the default host, and a
/// host whose rate limit is one request a minute and whose readiness has a failing check (the
/// 429s and the 503 of /health/ready). The document is the default host's /openapi/v1.json.
/// </summary>
public sealed class ContractFixture : IAsyncLifetime
{
    /// <summary>What the default host produced.</summary>
    public ResponseRecorder Recorder { get; } = new();

    /// <summary>What the limited host produced.</summary>
    public ResponseRecorder LimitedRecorder { get; } = new();

    public TestHost Host { get; private set; } = null!;

    public TestHost Limited { get; private set; } = null!;

    /// <summary>The document as served.</summary>
    public string DocumentText { get; private set; } = null!;

    public JsonObject Document => JsonNode.Parse(DocumentText)!.AsObject();

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(services: s => s.AddSingleton<IStartupFilter>(Recorder));
        Limited = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1" },
            services: s =>
            {
                s.AddSingleton<IStartupFilter>(LimitedRecorder);
                s.AddHealthChecks().AddCheck("contract-test", () => HealthCheckResult.Unhealthy("the contract test's failing check"), tags: ["ready"]);
            });
        using var response = await Host.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        DocumentText = await response.Content.ReadAsStringAsync();
    }

    /// <summary>Every (method, route, status) either host produced.</summary>
    public ISet<ProducedResponse> Produced() => Recorder.Produced.Keys.Concat(LimitedRecorder.Produced.Keys).ToHashSet();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Limited.DisposeAsync();
    }
}
