using System.Text.Json;
using AriaPro.Silo.Tests.Cluster;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>aria status, risk, models, alerts and watch against a real silo.</summary>
[Trait("Category", "Integration")]
[Collection(CliHostCollection.Name)]
public sealed class CliMonitoringTests(HostFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private CliRun Admin() => CliRun.For(fixture.Host.Http.BaseAddress!, fixture.Host.Token);

    [Fact]
    public async Task Status_Default_ShowsReadinessSymbolsAndModels()
    {
        using var cli = Admin();

        var table = await cli.RunAsync("status");
        var json = await cli.RunAsync("status", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("ready", table.Out);
        Assert.Contains("Resources", table.Out);
        Assert.Contains("EURUSD", table.Out);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("Healthy", document.RootElement.GetProperty("ready").GetProperty("status").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("system").GetProperty("traders").GetArrayLength());
    }

    [Fact]
    public async Task Risk_Default_ShowsThePortfolioMetrics()
    {
        using var cli = Admin();

        var table = await cli.RunAsync("risk");
        var json = await cli.RunAsync("risk", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Portfolio risk", table.Out);
        Assert.Contains("Equity", table.Out);
        Assert.Contains("VaR 95%", table.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(0.95, document.RootElement.GetProperty("varConfidence").GetDouble());
        Assert.Contains(document.RootElement.GetProperty("accountCurrency").GetString()!, table.Out);
    }

    [Fact]
    public async Task Models_Default_ListsEveryModelWithItsBreaker()
    {
        using var cli = Admin();

        var table = await cli.RunAsync("models");
        var json = await cli.RunAsync("models", "--json");

        Assert.Equal(0, table.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var models = document.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.NotEmpty(models);
        foreach (var model in models)
        {
            Assert.Contains(model.GetProperty("id").GetString()!, table.Out);
        }
    }

    [Fact]
    public async Task Alerts_HaltFiresTheBreakerAlert_AckMarksItAcknowledged()
    {
        using var cli = Admin();
        Assert.Equal(0, (await cli.RunAsync("symbol", "halt", "GBPUSD", "--reason", "cli alert test")).ExitCode);
        try
        {
            string? id = null;
            var fired = await Poll.UntilAsync(async () =>
            {
                var listed = await cli.RunAsync("alerts", "--json");
                Assert.Equal(0, listed.ExitCode);
                using var alerts = JsonDocument.Parse(listed.Out);
                id = alerts.RootElement.GetProperty("active").EnumerateArray()
                    .Where(a => a.GetProperty("ruleId").GetString() == "trader-breaker-open" && a.GetProperty("labels").GetProperty("name").GetString() == "GBPUSD")
                    .Select(a => a.GetProperty("id").GetString())
                    .FirstOrDefault();
                return id is not null;
            }, Limit);
            Assert.True(fired, $"no trader-breaker-open alert for GBPUSD within {Limit.TotalSeconds} s");

            var table = await cli.RunAsync("alerts");
            var acked = await cli.RunAsync("alerts", "ack", id!, "--json");

            Assert.Equal(0, table.ExitCode);
            Assert.Contains(id!, table.Out);
            Assert.Contains("Critical", table.Out);
            Assert.Equal(0, acked.ExitCode);
            using var alert = JsonDocument.Parse(acked.Out);
            Assert.Equal(id, alert.RootElement.GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(alert.RootElement.GetProperty("acknowledgedBy").GetString()));
        }
        finally
        {
            Assert.Equal(0, (await cli.RunAsync("symbol", "resume", "GBPUSD")).ExitCode);
        }
    }

    [Fact]
    public async Task AlertsAck_UnknownId_ExitsOneWithThe404Line()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("alerts", "ack", "no-such-alert");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("aria: Unknown alert: no active or recent alert has the id 'no-such-alert'; GET /monitoring/alerts lists them", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Watch_BreakerHalted_PrintsTheCircuitBreakerEvent_AndStopsAfterCount()
    {
        using var cli = Admin();
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        var watch = cli.StartAsync(output, error, CancellationToken.None, "watch", "--types", "circuit_breaker", "--count", "1");
        await error.WaitForAsync("Watching circuit_breaker", Limit);

        Assert.Equal(0, (await cli.RunAsync("symbol", "halt", "EURUSD", "--reason", "cli watch test")).ExitCode);
        var code = await watch.WaitAsync(Limit);
        Assert.Equal(0, (await cli.RunAsync("symbol", "resume", "EURUSD")).ExitCode);

        Assert.Equal(0, code);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("circuit_breaker", line);
        Assert.Contains("EURUSD", line);
        Assert.Contains("Closed -> Isolated", line);
        Assert.Contains("cli watch test", line);
    }

    [Fact]
    public async Task Watch_Cancelled_EndsCleanlyWithExitZero()
    {
        using var cli = Admin();
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        using var stop = new CancellationTokenSource();
        var watch = cli.StartAsync(output, error, stop.Token, "watch", "--types", "system_alert");
        await error.WaitForAsync("Watching system_alert", Limit);

        await stop.CancelAsync();
        var code = await watch.WaitAsync(Limit);

        Assert.Equal(0, code);
        Assert.DoesNotContain("aria:", error.ToString());
    }

    [Fact]
    public async Task Watch_UnknownType_IsAUsageError()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("watch", "--types", "circuit_breaker,trades");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'trades' is not an event type", Assert.Single(result.ErrorLines));
    }
}
