using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Monitoring;

[Trait("Category", "Integration")]
public sealed class MonitoringApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [SkippableFact]
    public async Task Metrics_ParseAsPrometheusText_WithTheTradingInstruments()
    {
        var promtool = Promtool.Path;
        Skip.If(promtool is null, "promtool is not installed; ./test.sh installs Debian's prometheus package");
        await Http.PostOrder(Order("prom-1"), HttpStatusCode.Created);
        await Http.WaitForStatus("prom-1", "Filled");
        await Http.PostOrder(Order("prom-2", quantity: 50m), HttpStatusCode.Created);

        using var response = await Http.GetAsync("/monitoring/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        var (exitCode, output) = await Promtool.CheckMetrics(promtool!, text);
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}): {output}");
        Assert.Contains("# TYPE aria_orders_submitted_total counter", text);
        Assert.Matches("""aria_orders_submitted_total\{[^}]*symbol="EURUSD"[^}]*\} [1-9]""", text);
        Assert.Matches("""aria_orders_denied_total\{[^}]*reason="position_limit"[^}]*\} [1-9]""", text);
        Assert.Matches("""aria_order_latency_seconds_bucket\{[^}]*le="0.005"[^}]*\}""", text);
        Assert.Contains("aria_process_working_set_bytes", text);
        Assert.Contains("dotnet_gc_collections_total", text);
    }

    [Fact]
    public async Task Metrics_NeedAViewerToken()
    {
        using var response = await fixture.Host.Anonymous.GetAsync("/monitoring/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SystemStatus_ShowsTheSilo_Resources_AndEveryBreaker()
    {
        await Http.PostAsync("/trading/symbols/GBPUSD/circuit-breaker/halt", Body("{\"reason\": \"status test\"}"));

        var status = await (await Http.GetAsync("/monitoring/system/status")).ReadObject();
        await Http.PostAsync("/trading/symbols/GBPUSD/circuit-breaker/resume", null);

        Assert.Empty(status["errors"]!.AsArray());
        var silo = Assert.Single(status["cluster"]!["silos"]!.AsArray());
        Assert.Equal("Active", (string?)silo!["status"]);
        Assert.True((bool?)silo["isThisSilo"]);
        Assert.Equal((string?)status["silo"], (string?)silo["address"]);
        Assert.True((int?)status["cluster"]!["totalActivations"] > 0);

        var resources = status["resources"]!;
        Assert.True((long?)resources["workingSetBytes"] > 0);
        Assert.True((long?)resources["gcHeapBytes"] > 0);
        Assert.True((int?)resources["threadPoolThreads"] > 0);
        Assert.True((long?)resources["diskFreeBytes"] > 0);
        Assert.InRange((double?)resources["cpuFraction"] ?? -1, 0.0, 1.0);

        var traders = status["traders"]!.AsArray().ToDictionary(t => (string)t!["symbol"]!, t => t!);
        Assert.Equal(["EURUSD", "GBPUSD", "USDJPY"], traders.Keys.Order());
        Assert.Equal("Isolated", (string?)traders["GBPUSD"]["breaker"]);
        Assert.Equal("Closed", (string?)traders["EURUSD"]["breaker"]);
        Assert.NotEmpty(status["models"]!.AsArray());
        Assert.All(status["models"]!.AsArray(), m => Assert.NotNull((string?)m!["breaker"]));
    }

    [Fact]
    public async Task Alerts_ListsActiveAndRecent_AndAckOfAnUnknownIdIs404()
    {
        var alerts = await (await Http.GetAsync("/monitoring/alerts")).ReadObject();
        Assert.NotNull(alerts["active"]);
        Assert.NotNull(alerts["recent"]);

        using var unknown = await Http.PostAsync("/monitoring/alerts/alert-424242/ack", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AckAndDashboard_NeedTheAdminRole()
    {
        using var viewer = await TestAuth.ClientWithRolesAsync(Http, "viewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/monitoring/alerts/alert-1/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/monitoring/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/dashboard/DashboardCounters")).StatusCode);
    }
}

/// <summary>Prometheus' own checker (Debian's prometheus package), a real parser of the exposition format.</summary>
internal static class Promtool
{
    public static string? Path { get; } = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> CheckMetrics(string promtool, string exposition)
    {
        using var process = Process.Start(new ProcessStartInfo(promtool, "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
