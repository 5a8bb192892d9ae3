using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Silo.Monitoring;
using AriaPro.Silo.Monitoring.Notifications;
using Microsoft.Extensions.Logging;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

[Trait("Category", "Integration")]
public sealed class AlertNotifierLogTests
{
    private const string Category = "AriaPro.Silo.Monitoring.Notifications.AlertNotifier";

    [Fact]
    public async Task Notify_FiringCriticalAlert_LogsOneErrorLineWithStructuredProperties()
    {
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions());
        var alert = TestAlerts.Firing();

        harness.Notifier.Notify(alert);

        var line = Assert.Single(AlertLines(harness));
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Equal("alert-1", line["AlertId"]);
        Assert.Equal("breaker.open", line["RuleId"]);
        Assert.Equal(AlertState.Firing, line["State"]);
        Assert.Equal(AlertSeverity.Critical, line["Severity"]);
        Assert.Equal("Circuit breaker open: EURUSD", line["Summary"]);
        Assert.Equal(3.25, line["Value"]);
        Assert.Equal(1.5, line["Threshold"]);
        Assert.Null(line["Band"]);
        Assert.Equal("threshold", line["Detector"]);
        Assert.Equal("symbol=EURUSD, venue=paper", line["Labels"]);
        Assert.Contains("Circuit breaker open: EURUSD", line.Message);
        Assert.Contains("labels symbol=EURUSD, venue=paper, alert alert-1", line.Message);
    }

    [Fact]
    public async Task Notify_AnomalyAlert_LogsWarningWithTheExpectedBand()
    {
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions());

        harness.Notifier.Notify(TestAlerts.Anomaly());

        var line = Assert.Single(AlertLines(harness));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line["Threshold"]);
        Assert.Equal("0.25..2.5", line["Band"]);
        Assert.Equal("ewma", line["Detector"]);
    }

    [Theory]
    [InlineData(AlertSeverity.Info, AlertState.Firing)]
    [InlineData(AlertSeverity.Critical, AlertState.Resolved)]
    [InlineData(AlertSeverity.Warning, AlertState.Resolved)]
    public async Task Notify_InfoOrResolvedAlert_LogsInformation(AlertSeverity severity, AlertState state)
    {
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions());

        harness.Notifier.Notify(TestAlerts.Firing(severity: severity) with { State = state });

        var line = Assert.Single(AlertLines(harness));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal(state, line["State"]);
    }

    [Fact]
    public async Task Notify_BeforeStart_LogsAtOnce()
    {
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = new Uri("http://127.0.0.1:9/") }, start: false);

        harness.Notifier.Notify(TestAlerts.Firing());

        Assert.Single(AlertLines(harness));
    }

    private static List<LogEntry> AlertLines(NotifierHarness harness) =>
        harness.Logs.Entries.Where(entry => entry.Category == Category && entry.Properties.ContainsKey("Band")).ToList();
}
