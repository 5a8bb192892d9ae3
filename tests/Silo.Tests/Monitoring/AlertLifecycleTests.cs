using System.Net;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Cluster;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.Monitoring.Notifications;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Monitoring;

// The whole path on one silo with the shipped rules: instrument, metric store, evaluation loop,
// alert manager, HTTP.
[Trait("Category", "Integration")]
public sealed class AlertLifecycleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BreakerHalted_FiresTheShippedRule_NotifiesByWebhookAndEmail_AckedByAnAdmin_ResolvesWhenResumed()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ALERT_WEBHOOK_URL"] = webhook.Url.ToString(),
            ["ALERT_EMAIL_ENABLED"] = "1",
            ["ALERT_SMTP_HOST"] = "127.0.0.1",
            ["ALERT_SMTP_PORT"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ALERT_SMTP_FROM"] = "aria@desk.test",
            ["ALERT_SMTP_TO"] = "ops@desk.test",
        });
        var http = host.Http;
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/halt", Body("{\"reason\": \"alert test\"}"))).StatusCode);

        var alert = await WaitForAlert(http, "active", a => (string?)a["ruleId"] == "trader-breaker-open" && (string?)a["labels"]!["name"] == "USDJPY");
        Assert.Equal("Firing", (string?)alert["state"]);
        Assert.Equal("Critical", (string?)alert["severity"]);
        Assert.Equal("threshold", (string?)alert["detector"]);
        Assert.Equal(3.0, (double?)alert["value"]);
        Assert.Equal(2.0, (double?)alert["threshold"]);
        Assert.Equal("Trader circuit breaker open: USDJPY", (string?)alert["summary"]);
        var id = (string)alert["id"]!;
        var posted = await NextWebhook(webhook, id);
        Assert.Equal("alert.firing", posted.Body.GetProperty("event").GetString());
        Assert.Equal("USDJPY", posted.Body.GetProperty("labels").GetProperty("name").GetString());
        Assert.Equal($"{id}-firing", posted.IdempotencyKey, ignoreCase: true);
        var mail = await NextMail(smtp, id);
        Assert.StartsWith("[AriaPro] FIRING critical: Trader circuit breaker open: USDJPY", mail.Message.Subject);
        Assert.Equal("ops@desk.test", mail.Message.To.Mailboxes.Single().Address);

        using var ack = await http.PostAsync($"/monitoring/alerts/{id}/ack", null);
        var acknowledged = await ack.ReadObject();
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)acknowledged["acknowledgedBy"]));
        Assert.NotNull(acknowledged["acknowledgedAt"]);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/trading/symbols/USDJPY/circuit-breaker/resume", null)).StatusCode);
        var resolved = await WaitForAlert(http, "recent", a => (string?)a["id"] == id);
        Assert.Equal("Resolved", (string?)resolved["state"]);
        Assert.NotNull(resolved["resolvedAt"]);
        Assert.Equal((string?)acknowledged["acknowledgedBy"], (string?)resolved["acknowledgedBy"]);
        Assert.Equal("alert.resolved", (await NextWebhook(webhook, id)).Body.GetProperty("event").GetString());
        Assert.StartsWith("[AriaPro] RESOLVED", (await NextMail(smtp, id)).Message.Subject);
        var active = (await (await http.GetAsync("/monitoring/alerts")).ReadObject())["active"]!.AsArray();
        Assert.DoesNotContain(active, a => (string?)a!["id"] == id);
    }

    [Fact]
    public async Task RepeatedBadTokens_RaiseTheSecurityViolationAlert()
    {
        await using var host = await TestHost.StartAsync();
        using var intruder = new HttpClient { BaseAddress = host.Http.BaseAddress };
        intruder.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");

        // The shipped rule: more than 0.5 failures a second over a minute, that is 31 or more.
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await intruder.GetAsync("/trading/positions")).StatusCode);
        }

        var alert = await WaitForAlert(host.Http, "active", a => (string?)a["ruleId"] == "auth-failures");
        Assert.Equal("token", (string?)alert["labels"]!["reason"]);
        Assert.Equal("aria.auth.failures", (string?)alert["metric"]);
        Assert.True((double?)alert["value"] > 0.5);
    }

    [Fact]
    public async Task MetricQuery_ReturnsTheSilosSeries_AndRefusesBadRanges()
    {
        await using var host = await TestHost.StartAsync();
        var http = host.Http;
        await http.PostOrder(Order("series-1", "GBPUSD"), HttpStatusCode.Created);
        await http.WaitForStatus("series-1", "Filled");

        var result = await (await http.GetAsync("/monitoring/metrics/aria.orders.submitted?step=1s")).ReadObject();
        var series = Assert.Single(result["series"]!.AsArray(), s => (string?)s!["labels"]!["symbol"] == "GBPUSD")!;
        Assert.Equal("Counter", (string?)series["kind"]);
        Assert.Equal(1.0, series["points"]!.AsArray().Sum(p => (double)p!["sum"]!));

        using var inverted = await http.GetAsync("/monitoring/metrics/aria.orders.submitted?from=2026-11-26T10:00:00Z&to=2026-11-26T09:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
        using var badStep = await http.GetAsync("/monitoring/metrics/aria.orders.submitted?step=-5s");
        Assert.Equal(HttpStatusCode.BadRequest, badStep.StatusCode);
        Assert.Contains("step", (await badStep.ReadObject())["errors"]!.AsObject().Select(e => e.Key));
        using var unknown = await http.GetAsync("/monitoring/metrics/aria.no.such.metric");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    // The next delivery about this alert; others (another rule firing meanwhile) are skipped.
    private static async Task<ReceivedRequest> NextWebhook(WebhookReceiver webhook, string id)
    {
        while (true)
        {
            var request = await webhook.NextAsync();
            if (request.Body.GetProperty("id").GetString() == id)
            {
                return request;
            }
        }
    }

    private static async Task<ReceivedMail> NextMail(SmtpTestServer smtp, string id)
    {
        while (true)
        {
            var mail = await smtp.NextAsync();
            if (mail.Message.TextBody?.Contains(id, StringComparison.Ordinal) == true)
            {
                return mail;
            }
        }
    }

    private static async Task<JsonObject> WaitForAlert(HttpClient http, string list, Func<JsonObject, bool> match)
    {
        JsonObject? found = null;
        var arrived = await Poll.UntilAsync(async () =>
        {
            var alerts = await (await http.GetAsync("/monitoring/alerts")).ReadObject();
            found = alerts[list]!.AsArray().Select(a => a!.AsObject()).FirstOrDefault(match);
            return found is not null;
        }, Limit);
        Assert.True(arrived, $"no matching alert in '{list}' within {Limit.TotalSeconds} s");
        return found!;
    }
}
