using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Integration")]
public sealed class AiApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task Models_ListEveryModelWithHealthAndEachSymbolsInterval()
    {
        var view = await Http.GetFromJsonAsync<JsonObject>("/ai/models");
        var ids = view!["models"]!.AsArray().Select(m => (string?)m!["id"]).ToList();

        Assert.Contains("trend", ids);
        Assert.Contains("mean-reversion", ids);
        Assert.Contains("breakout", ids);
        var onnx = view["models"]!.AsArray().Single(m => (string?)m!["id"] == "eurusd-direction")!;
        Assert.Equal("onnx", (string?)onnx["kind"]);
        var trend = view["models"]!.AsArray().Single(m => (string?)m!["id"] == "trend")!;
        Assert.Equal("Closed", (string?)trend["state"]);
        Assert.Equal(100, (int?)trend["windowSize"]);
        Assert.Equal(60.0, (double?)view["analysisIntervalSeconds"]!["EURUSD"]);
    }

    [Fact]
    public async Task ReloadThenModels_ShowTheManifestAndEachModelsVersion()
    {
        using var response = await Http.PostAsync("/ai/models/reload", null);
        var reload = await response.ReadObject();
        var view = await Http.GetFromJsonAsync<JsonObject>("/ai/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool?)reload["written"]);
        var manifestVersion = (long)reload["manifest"]!["version"]!;
        Assert.True(manifestVersion >= 1);
        var entry = reload["manifest"]!["models"]!.AsArray().Single(m => (string?)m!["id"] == "eurusd-direction")!;
        Assert.Equal(("1", "eurusd-direction.onnx", 64), ((string?)entry["version"], (string?)entry["fileName"], ((string?)entry["sha256"])!.Length));
        Assert.Empty(reload["rejected"]!.AsArray());
        Assert.Equal(manifestVersion, (long?)view!["manifestVersion"]);
        var onnx = view["models"]!.AsArray().Single(m => (string?)m!["id"] == "eurusd-direction")!;
        Assert.Equal("1", (string?)onnx["version"]);
    }

    [Fact]
    public async Task Signal_AfterAnAnalysis_ShowsTheFusedSignalAndContributions()
    {
        await fixture.Host.Grains.GetGrain<ISignalGrain>("GBPUSD").RunOnce();

        var signal = await Http.GetFromJsonAsync<JsonObject>("/ai/signals/gbpusd");

        Assert.Equal("GBPUSD", (string?)signal!["symbol"]);
        Assert.InRange((double)signal["probabilityUp"]!, 0.0, 1.0);
        Assert.Contains((string?)signal["direction"], new[] { "up", "down", "flat" });
        Assert.Equal(1.0, signal["contributions"]!.AsArray().Sum(c => (double)c!["weight"]!), 9);
        var onnx = signal["contributions"]!.AsArray().Single(c => (string?)c!["modelId"] == "eurusd-direction")!;
        Assert.Equal("Success", (string?)onnx["outcome"]);
        Assert.InRange((double)onnx["probabilityUp"]!, 0.0, 1.0);
    }

    [Fact]
    public async Task Signal_UnknownSymbol_404Problem()
    {
        using var response = await Http.GetAsync("/ai/signals/XAUUSD");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task IsolateThenReset_ChangeTheModelsBreaker()
    {
        var isolated = await (await Http.PostAsync("/ai/models/breakout/isolate", Body("{\"reason\":\"retraining\"}"))).ReadObject();
        var reset = await (await Http.PostAsync("/ai/models/breakout/reset", null)).ReadObject();
        using var unknown = await Http.PostAsync("/ai/models/nope/reset", null);

        Assert.Equal("Isolated", (string?)isolated["state"]);
        Assert.Equal("retraining", (string?)isolated["reason"]);
        Assert.Equal("Closed", (string?)reset["state"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
