using MimeKit;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

[Trait("Category", "Integration")]
public sealed class EmailAlertChannelTests
{
    [Fact]
    public async Task Notify_FiringAlert_MailsSubjectSendersAndEveryField()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var harness = await NotifierHarness.StartAsync(NotifierHarness.Email(smtp.Port));

        harness.Notifier.Notify(TestAlerts.Firing());

        var mail = await smtp.NextAsync();
        Assert.Equal("[AriaPro] FIRING critical: Circuit breaker open: EURUSD", mail.Message.Subject);
        var from = Assert.Single(mail.Message.From.Mailboxes);
        Assert.Equal("alerts@aria.test", from.Address);
        Assert.Equal(["ops@aria.test", "risk@aria.test"], mail.Message.To.Mailboxes.Select(to => to.Address));
        var body = mail.Message.TextBody;
        Assert.Contains("Rule:         breaker.open", body);
        Assert.Contains("Value:        3.25", body);
        Assert.Contains("Threshold:    1.5", body);
        Assert.Contains("Detector:     threshold", body);
        Assert.Contains("Labels:       symbol=EURUSD, venue=paper", body);
        Assert.Contains("Fired at:     2026-11-26 00:15:00.000 UTC", body);
        Assert.Contains("Alert id:     alert-1", body);
        Assert.DoesNotContain("Resolved at", body);
        Assert.Null(mail.User);
    }

    [Fact]
    public async Task Notify_ResolvedAlert_MailsResolvedSubjectAndTime()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var harness = await NotifierHarness.StartAsync(NotifierHarness.Email(smtp.Port));

        harness.Notifier.Notify(TestAlerts.Resolved());

        var mail = await smtp.NextAsync();
        Assert.Equal("[AriaPro] RESOLVED critical: Circuit breaker open: EURUSD", mail.Message.Subject);
        Assert.Contains("Resolved at:  2026-11-26 00:20:00.000 UTC", mail.Message.TextBody);
        Assert.Contains("Value:        0.5", mail.Message.TextBody);
    }

    [Fact]
    public async Task Notify_AnomalyAlert_MailsTheExpectedBand()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var harness = await NotifierHarness.StartAsync(NotifierHarness.Email(smtp.Port));

        harness.Notifier.Notify(TestAlerts.Anomaly());

        var body = (await smtp.NextAsync()).Message.TextBody;
        Assert.Contains("Expected:     0.25 .. 2.5", body);
        Assert.DoesNotContain("Threshold", body);
    }

    [Fact]
    public async Task Notify_WithSmtpUser_AuthenticatesBeforeSending()
    {
        await using var smtp = await SmtpTestServer.StartAsync(("aria", "s3cret"));
        await using var harness = await NotifierHarness.StartAsync(NotifierHarness.Email(smtp.Port, "aria", "s3cret"));

        harness.Notifier.Notify(TestAlerts.Firing());

        var mail = await smtp.NextAsync();
        Assert.Equal("aria", mail.User);
        Assert.StartsWith("[AriaPro] FIRING", mail.Message.Subject);
    }

    [Fact]
    public async Task Notify_WrongSmtpPassword_IsRefusedWithoutRetry()
    {
        await using var smtp = await SmtpTestServer.StartAsync(("aria", "s3cret"));
        var time = new RecordingTimeProvider();
        await using var harness = await NotifierHarness.StartAsync(NotifierHarness.Email(smtp.Port, "aria", "wrong"), time: time);

        harness.Notifier.Notify(TestAlerts.Firing());

        var refused = await harness.Logs.WaitForAsync(entry => entry.Message.Contains("refused by email", StringComparison.Ordinal));
        Assert.Equal("alert-1", refused["AlertId"]);
        Assert.Equal(1, refused["Attempt"]);
    }
}
