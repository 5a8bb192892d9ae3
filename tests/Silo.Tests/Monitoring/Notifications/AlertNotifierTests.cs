using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AriaPro.Grains.Monitoring;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Monitoring;
using AriaPro.Silo.Monitoring.Notifications;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

[Trait("Category", "Integration")]
public sealed class AlertNotifierTests
{
    [Fact]
    public async Task Notify_DeadWebhook_DoesNotDelayTheEmail()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var monitoring = NotifierHarness.Email(smtp.Port);
        monitoring.WebhookUrl = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/hooks/alerts");
        var time = new RecordingTimeProvider();
        await using var harness = await NotifierHarness.StartAsync(monitoring, new AlertDeliveryOptions { StopGrace = TimeSpan.Zero }, time);

        harness.Notifier.Notify(TestAlerts.Firing());

        // The webhook sits in its backoff (time never moves), and the mail goes out regardless.
        var retrying = await harness.Logs.WaitForAsync(entry => entry.Message.Contains("trying again", StringComparison.Ordinal) && Equals(entry["Channel"], "webhook"));
        Assert.Equal(1, retrying["Attempt"]);
        var mail = await smtp.NextAsync();
        Assert.StartsWith("[AriaPro] FIRING critical", mail.Message.Subject);
        await harness.DeliveredAsync("email", "alert-1");
        await harness.Notifier.StopAsync(CancellationToken.None);
        var abandoned = Assert.Single(harness.Logs.Entries, entry => entry.Message.StartsWith("Stopping:", StringComparison.Ordinal));
        Assert.Equal("webhook", abandoned["Channel"]);
        Assert.Equal("alert-1", abandoned["AlertId"]);
    }

    [Fact]
    public async Task Notify_QueueFull_DropsTheOldestAndCountsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var delivery = new AlertDeliveryOptions { QueueCapacity = 2 };
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url }, delivery, start: false);

        harness.Notifier.Notify(TestAlerts.Firing("alert-1"));
        harness.Notifier.Notify(TestAlerts.Firing("alert-2"));
        harness.Notifier.Notify(TestAlerts.Firing("alert-3"));
        await harness.Notifier.StartAsync(CancellationToken.None);

        Assert.Equal(1, harness.Notifier.Dropped);
        var dropped = await harness.Logs.WaitForAsync(entry => entry.Message.Contains("queue is full", StringComparison.Ordinal));
        Assert.Equal("alert-1", dropped["AlertId"]);
        Assert.Equal("alert-2-firing", (await receiver.NextAsync()).IdempotencyKey);
        Assert.Equal("alert-3-firing", (await receiver.NextAsync()).IdempotencyKey);
    }

    [Fact]
    public async Task StopAsync_WithQueuedAlerts_DeliversThemBeforeReturning()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new RecordingTimeProvider();
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url }, time: time, start: false);
        harness.Notifier.Notify(TestAlerts.Firing("alert-1"));
        harness.Notifier.Notify(TestAlerts.Firing("alert-2"));

        await harness.Notifier.StartAsync(CancellationToken.None);
        await harness.Notifier.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("alert-1-firing", (await receiver.NextAsync()).IdempotencyKey);
        Assert.Equal("alert-2-firing", (await receiver.NextAsync()).IdempotencyKey);
        Assert.DoesNotContain(harness.Logs.Entries, entry => entry.Message.StartsWith("Stopping:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notify_AfterStop_StillLogsAndDoesNotThrow()
    {
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = new Uri("http://127.0.0.1:9/") });
        await harness.Notifier.StopAsync(CancellationToken.None);

        harness.Notifier.Notify(TestAlerts.Firing());

        var notQueued = await harness.Logs.WaitForAsync(entry => entry.Message.Contains("was not queued", StringComparison.Ordinal));
        Assert.Equal("webhook", notQueued["Channel"]);
    }

    [Fact]
    public async Task Notify_Delivered_CountsTheNotificationByChannelAndOutcome()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url });
        var measurements = new ConcurrentQueue<(long Value, string Channel, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Scope == harness.Meters && instrument.Name == "aria.alert.notifications")
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value as string);
            measurements.Enqueue((value, tagged["channel"]!, tagged["outcome"]!));
        });
        listener.Start();

        harness.Notifier.Notify(TestAlerts.Firing());
        await harness.DeliveredAsync("webhook", "alert-1");

        Assert.Equal([(1L, "webhook", "delivered")], measurements.ToArray());
    }

    [Fact]
    public async Task AddAriaAlertNotifications_RegistersOneNotifierAsNotifierAndHostedService()
    {
        var services = new ServiceCollection();
        services.AddAriaAlertNotifications(new MonitoringOptions { WebhookUrl = new Uri("http://127.0.0.1:9/") });
        await using var provider = services.BuildServiceProvider();

        var notifier = provider.GetRequiredService<AlertNotifier>();

        Assert.Same(notifier, provider.GetRequiredService<IAlertNotifier>());
        Assert.Same(notifier, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal(["webhook"], notifier.Channels);
    }

    [Fact]
    public void AddAriaAlertNotifications_EmailWithoutHost_FailsNamingTheVariable()
    {
        var monitoring = new MonitoringOptions { EmailEnabled = true, SmtpFrom = "alerts@aria.test", SmtpTo = ["ops@aria.test"] };

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAriaAlertNotifications(monitoring));

        Assert.Contains("ALERT_SMTP_HOST", error.Message);
    }
}
