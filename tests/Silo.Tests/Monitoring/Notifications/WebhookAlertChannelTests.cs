using System.Text.Json;
using AriaPro.Silo.Monitoring;
using AriaPro.Silo.Monitoring.Notifications;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

[Trait("Category", "Integration")]
public sealed class WebhookAlertChannelTests
{
    private static readonly AlertDeliveryOptions Delivery = new();

    [Fact]
    public async Task Notify_FiringThenResolved_PostsBothAsJsonWithIdempotencyKeys()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url });

        harness.Notifier.Notify(TestAlerts.Firing());
        harness.Notifier.Notify(TestAlerts.Resolved());

        var firing = await receiver.NextAsync();
        Assert.Equal("POST", firing.Method);
        Assert.Equal("/hooks/alerts", firing.Path);
        Assert.StartsWith("application/json", firing.ContentType);
        Assert.Equal("alert-1-firing", firing.IdempotencyKey);
        Assert.Equal("alert.firing", firing.Body.GetProperty("event").GetString());
        Assert.Equal("alert-1", firing.Body.GetProperty("id").GetString());
        Assert.Equal("breaker.open", firing.Body.GetProperty("ruleId").GetString());
        Assert.Equal("critical", firing.Body.GetProperty("severity").GetString());
        Assert.Equal("firing", firing.Body.GetProperty("state").GetString());
        Assert.Equal(3.25, firing.Body.GetProperty("value").GetDouble());
        Assert.Equal(1.5, firing.Body.GetProperty("threshold").GetDouble());
        Assert.Equal(JsonValueKind.Null, firing.Body.GetProperty("expectedLow").ValueKind);
        Assert.Equal("EURUSD", firing.Body.GetProperty("labels").GetProperty("symbol").GetString());
        Assert.Equal(TestAlerts.FiredAt, firing.Body.GetProperty("firedAt").GetDateTimeOffset());
        var resolved = await receiver.NextAsync();
        Assert.Equal("alert-1-resolved", resolved.IdempotencyKey);
        Assert.Equal("alert.resolved", resolved.Body.GetProperty("event").GetString());
        Assert.Equal("resolved", resolved.Body.GetProperty("state").GetString());
        Assert.Equal(TestAlerts.FiredAt.AddMinutes(5), resolved.Body.GetProperty("resolvedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Notify_ReceiverAnswers503Twice_DeliversOnTheThirdAttemptAfterBackoff()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiver.Reply(503), new WebhookReceiver.Reply(503));
        var time = new RecordingTimeProvider();
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url }, Delivery, time);

        harness.Notifier.Notify(TestAlerts.Firing());

        Assert.Equal(503, (await receiver.NextAsync()).Status);
        Assert.Equal(TimeSpan.FromSeconds(0.5), await time.NextTimerAsync(Delivery.AttemptTimeout));
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(503, (await receiver.NextAsync()).Status);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync(Delivery.AttemptTimeout));
        time.Advance(TimeSpan.FromSeconds(1));
        var third = await receiver.NextAsync();
        Assert.Equal(200, third.Status);
        Assert.Equal("alert-1-firing", third.IdempotencyKey);
        var delivered = await harness.DeliveredAsync("webhook", "alert-1");
        Assert.Equal(3, delivered["Attempt"]);
    }

    [Fact]
    public async Task Notify_ReceiverAnswers429WithRetryAfter_WaitsAsAsked()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiver.Reply(429, "7"));
        var time = new RecordingTimeProvider();
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url }, Delivery, time);

        harness.Notifier.Notify(TestAlerts.Firing());

        Assert.Equal(429, (await receiver.NextAsync()).Status);
        Assert.Equal(TimeSpan.FromSeconds(7), await time.NextTimerAsync(Delivery.AttemptTimeout));
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(200, (await receiver.NextAsync()).Status);
    }

    [Fact]
    public async Task Notify_ReceiverAnswers400_GivesUpAndDeliversTheNextAlert()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiver.Reply(400));
        var time = new RecordingTimeProvider();
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url }, Delivery, time);

        harness.Notifier.Notify(TestAlerts.Firing("alert-1"));
        harness.Notifier.Notify(TestAlerts.Firing("alert-2"));

        var refused = await receiver.NextAsync();
        Assert.Equal(400, refused.Status);
        Assert.Equal("alert-1-firing", refused.IdempotencyKey);

        // Time never moves: had the 400 been retried, alert-2 would still wait behind it.
        var next = await receiver.NextAsync();
        Assert.Equal("alert-2-firing", next.IdempotencyKey);
        Assert.Equal(200, next.Status);
        var log = await harness.Logs.WaitForAsync(entry => entry.Message.Contains("refused by webhook", StringComparison.Ordinal));
        Assert.Equal("alert-1", log["AlertId"]);
        Assert.Equal(1, log["Attempt"]);
    }

    [Fact]
    public async Task Notify_ReceiverNeverAnswers_TimesTheAttemptOutAndRetries()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.Reply.NoAnswer);
        var time = new RecordingTimeProvider();
        await using var harness = await NotifierHarness.StartAsync(new MonitoringOptions { WebhookUrl = receiver.Url }, Delivery, time);

        harness.Notifier.Notify(TestAlerts.Firing());

        Assert.Equal(Delivery.AttemptTimeout, await time.NextTimerAsync());
        Assert.Equal(0, (await receiver.NextAsync()).Status);
        time.Advance(Delivery.AttemptTimeout);
        var timedOut = await harness.Logs.WaitForAsync(entry => entry.Message.Contains("trying again", StringComparison.Ordinal));
        Assert.Equal("no answer within 10 s", timedOut["Reason"]);
        Assert.Equal(TimeSpan.FromSeconds(0.5), await time.NextTimerAsync(Delivery.AttemptTimeout));
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(200, (await receiver.NextAsync()).Status);
    }
}
