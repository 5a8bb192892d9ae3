using System.Collections.Concurrent;
using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Tests.Cluster;
using Orleans.Streams;

namespace AriaPro.Grains.Tests.Monitoring;

// Each test has an alert manager of its own (its own key) and rules of its own, in the shared cluster.
[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class AlertManagerGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Report_SameConditionFromTwoSilos_IsOneAlert_ResolvedWhenNeitherReportsIt()
    {
        var alerts = Manager();
        var signal = Signal("two-silos", 3.0);

        await alerts.Report("silo-a", [signal]);
        await alerts.Report("silo-b", [signal with { Value = 4.0 }]);
        var firing = Assert.Single((await alerts.GetAlerts()).Active);
        Assert.Equal(AlertState.Firing, firing.State);
        Assert.Equal(4.0, firing.Value);
        Assert.True(firing.Notified);

        await alerts.Report("silo-a", []);
        Assert.Single((await alerts.GetAlerts()).Active);
        await alerts.Report("silo-b", []);

        var view = await alerts.GetAlerts();
        Assert.Empty(view.Active);
        var resolved = Assert.Single(view.Recent);
        Assert.Equal(firing.Id, resolved.Id);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.NotNull(resolved.ResolvedAt);
        var notified = fixture.Notified.Of("two-silos");
        Assert.Equal([AlertState.Firing, AlertState.Resolved], notified.Select(a => a.State));
    }

    [Fact]
    public async Task Refiring_WithinTheCooldown_OpensButIsNotNotifiedAgain()
    {
        var alerts = Manager();
        await alerts.Report("silo", [Signal("cooldown", 1.0)]);
        await alerts.Report("silo", []);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await alerts.Report("silo", [Signal("cooldown", 2.0)]);
        var refired = Assert.Single((await alerts.GetAlerts()).Active);
        Assert.False(refired.Notified);
        await alerts.Report("silo", []);

        fixture.Time.Advance(Cooldown);
        await alerts.Report("silo", [Signal("cooldown", 3.0)]);
        Assert.True(Assert.Single((await alerts.GetAlerts()).Active).Notified);

        // Notified: the first firing and its resolution, then the firing after the cooldown; the
        // silent refiring's resolution is not notified either.
        Assert.Equal([AlertState.Firing, AlertState.Resolved, AlertState.Firing], fixture.Notified.Of("cooldown").Select(a => a.State));
        Assert.Equal([1.0, 1.0, 3.0], fixture.Notified.Of("cooldown").Select(a => a.Value));
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoAndWhen_AndUnknownIdIsNull()
    {
        var alerts = Manager();
        await alerts.Report("silo", [Signal("ack", 1.0)]);
        var firing = Assert.Single((await alerts.GetAlerts()).Active);

        var acknowledged = await alerts.Acknowledge(firing.Id, "key-admin");

        Assert.NotNull(acknowledged);
        Assert.Equal("key-admin", acknowledged.AcknowledgedBy);
        Assert.Equal(fixture.Time.GetUtcNow(), acknowledged.AcknowledgedAt);
        Assert.Equal(AlertState.Firing, acknowledged.State);
        Assert.Equal("key-admin", Assert.Single((await alerts.GetAlerts()).Active).AcknowledgedBy);
        Assert.Null(await alerts.Acknowledge("alert-999999", "key-admin"));
    }

    [Fact]
    public async Task Raise_ResolvesAfterAQuietSpell_AndCountsRepeats()
    {
        var alerts = Manager();
        await alerts.Raise(Signal("raised", 1.0), TimeSpan.FromMinutes(2));
        var again = await alerts.Raise(Signal("raised", 1.0), TimeSpan.FromMinutes(2));
        Assert.Equal(2, again.Occurrences);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var view = await Eventually.Get(alerts.GetAlerts, v => v.Active.Count == 0, "the raised alert to resolve after its quiet spell");
        Assert.Equal(AlertState.Resolved, Assert.Single(view.Recent).State);
    }

    [Fact]
    public async Task SilentReporter_IsTakenAsGone_AndWhatOnlyItReportedResolves()
    {
        var alerts = Manager();
        await alerts.Report("dead-silo", [Signal("silent", 1.0), Signal("shared", 1.0)]);
        await alerts.Report("live-silo", [Signal("shared", 1.0)]);

        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        await alerts.Report("live-silo", [Signal("shared", 1.0)]);
        fixture.Time.Advance(TimeSpan.FromSeconds(15));

        var view = await Eventually.Get(alerts.GetAlerts, v => v.Active.Count == 1, "the dead silo's own alert to resolve");
        Assert.Equal("shared", Assert.Single(view.Active).RuleId);
        Assert.Equal("silent", Assert.Single(view.Recent).RuleId);
    }

    [Fact]
    public async Task EveryTransition_IsPublishedOnTheSystemAlertStream()
    {
        var received = new ConcurrentQueue<Alert>();
        var resolved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(AriaStreams.Provider)
            .GetStream<Alert>(StreamId.Create(AriaStreams.Namespace, AriaStreams.Alerts));
        var subscription = await stream.SubscribeAsync((alert, _) =>
        {
            if (alert.RuleId == "streamed")
            {
                received.Enqueue(alert);
                if (alert.State == AlertState.Resolved)
                {
                    resolved.TrySetResult();
                }
            }

            return Task.CompletedTask;
        });

        var alerts = Manager();
        await alerts.Report("silo", [Signal("streamed", 9.0)]);
        await alerts.Report("silo", []);
        await resolved.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await subscription.UnsubscribeAsync();

        Assert.Equal([AlertState.Firing, AlertState.Resolved], received.Select(a => a.State));
        Assert.All(received, a => Assert.Equal(9.0, a.Value));
    }

    private IAlertManagerGrain Manager() => fixture.Grains.GetGrain<IAlertManagerGrain>($"test-{Guid.NewGuid():N}");

    private AlertSignal Signal(string rule, double value) => new(
        $"{rule}{{symbol=EURUSD}}", rule, $"{rule} fired", AlertSeverity.Warning, "aria.test",
        ImmutableDictionary<string, string>.Empty.Add("symbol", "EURUSD"), value, 2.0, null, null, "threshold",
        fixture.Time.GetUtcNow(), Cooldown);
}
