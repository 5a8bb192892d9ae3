using System.Collections.Immutable;
using AriaPro.Core.Monitoring;
using AriaPro.Grains.Interfaces.Monitoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Core.Tests.Monitoring;

/// <summary>The alert lifecycle without a cluster: open, hold, resolve, cooldown, acknowledge, history.</summary>
[Trait("Category", "Unit")]
public sealed class AlertBookTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly AlertBookState _state = new();
    private readonly AlertHistory _history = new();
    private readonly AlertBook _book;

    public AlertBookTests() => _book = new(_state, _history, NullLogger.Instance);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static AlertSignal Signal(string key, double value = 1, TimeSpan? cooldown = null) => new(
        key, "rule-" + key, "summary " + key, AlertSeverity.Warning, "metric", ImmutableDictionary<string, string>.Empty.Add("name", key),
        value, 0.5, null, null, "threshold", DateTimeOffset.UnixEpoch, cooldown ?? TimeSpan.Zero);

    [Fact]
    public void AReportedCondition_OpensOneAlertThatMustBeStored_AndAnUnchangedReportWritesNothing()
    {
        var first = _book.Report("silo-a", [Signal("a")], Now);

        var opened = Assert.Single(first.Changed);
        Assert.Equal(("alert-1", AlertState.Firing, true), (opened.Id, opened.State, opened.Notified));
        Assert.True(first.NeedsWrite);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var again = _book.Report("silo-a", [Signal("a", value: 2)], Now);
        Assert.Empty(again.Changed);
        Assert.False(again.NeedsWrite);
        Assert.Equal(2, _book.View().Active.Single().Value);
    }

    [Fact]
    public void AConditionTwoSilosReport_IsOneAlert_AndResolvesOnlyWhenNeitherReportsIt()
    {
        _book.Report("silo-a", [Signal("a")], Now);
        var second = _book.Report("silo-b", [Signal("a")], Now);
        Assert.Empty(second.Changed);

        var oneStops = _book.Report("silo-a", [], Now);
        Assert.Empty(oneStops.Changed);
        Assert.Single(_book.View().Active);

        var bothStop = _book.Report("silo-b", [], Now);
        var resolved = Assert.Single(bothStop.Changed);
        Assert.Equal((AlertState.Resolved, Now), (resolved.State, resolved.ResolvedAt));
        Assert.True(bothStop.HistoryChanged);
        Assert.Empty(_book.View().Active);
        Assert.Equal("alert-1", _book.View().Recent.Single().Id);
    }

    [Fact]
    public void ASilentReporter_IsGoneAfterItsTimeout_AndWhatOnlyItReportedResolves()
    {
        _book.Report("silo-a", [Signal("a"), Signal("shared")], Now);
        _book.Report("silo-b", [Signal("shared")], Now);

        _clock.Advance(AlertBook.ReporterTimeout - TimeSpan.FromSeconds(1));
        _book.Report("silo-b", [Signal("shared")], Now);
        Assert.Empty(_book.Sweep(Now).Changed);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var swept = _book.Sweep(Now);

        Assert.Equal(["rule-a"], swept.Changed.Select(a => a.RuleId));
        Assert.True(swept.NeedsWrite);
        Assert.Equal("rule-shared", _book.View().Active.Single().RuleId);
    }

    [Fact]
    public void AfterARestart_EveryStoredReporterGetsAFullTimeout()
    {
        _book.Report("silo-a", [Signal("a")], Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var restarted = new AlertBook(_state, _history, NullLogger.Instance);

        restarted.Activated(Now);
        Assert.Empty(restarted.Sweep(Now + AlertBook.ReporterTimeout - TimeSpan.FromSeconds(1)).Changed);
        Assert.Single(restarted.Sweep(Now + AlertBook.ReporterTimeout).Changed);
    }

    [Fact]
    public void ARaisedCondition_ResolvesAfterItsQuietSpell_AndEachRaiseInsideItCountsAnOccurrence()
    {
        var quiet = TimeSpan.FromSeconds(10);
        var (alert, events) = _book.Raise(Signal("e"), quiet, Now);
        Assert.True(events.NeedsWrite);
        Assert.Equal(1, alert.Occurrences);

        _clock.Advance(TimeSpan.FromSeconds(5));
        var (again, _) = _book.Raise(Signal("e"), quiet, Now);
        Assert.Equal((alert.Id, 2), (again.Id, again.Occurrences));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(_book.Sweep(Now).Changed);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AlertState.Resolved, Assert.Single(_book.Sweep(Now).Changed).State);
    }

    [Fact]
    public void AConditionReopenedInsideItsCooldown_OpensButIsNotNotified_AndIsNotifiedOnceTheCooldownEnds()
    {
        var cooldown = TimeSpan.FromMinutes(5);
        _book.Report("silo-a", [Signal("a", cooldown: cooldown)], Now);
        _book.Report("silo-a", [], Now);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var reopened = Assert.Single(_book.Report("silo-a", [Signal("a", cooldown: cooldown)], Now).Changed);
        Assert.Equal(("alert-2", false), (reopened.Id, reopened.Notified));
        _book.Report("silo-a", [], Now);

        _clock.Advance(TimeSpan.FromMinutes(4));
        _book.Sweep(Now);
        var later = Assert.Single(_book.Report("silo-a", [Signal("a", cooldown: cooldown)], Now).Changed);
        Assert.True(later.Notified);
    }

    [Fact]
    public void Acknowledging_RecordsWhoAndWhen_OnAFiringOrAResolvedAlert_AndAnUnknownIdIsNull()
    {
        _book.Report("silo-a", [Signal("a"), Signal("b")], Now);
        _book.Report("silo-a", [Signal("a")], Now);
        _clock.Advance(TimeSpan.FromSeconds(3));

        var (firing, firingEvents) = _book.Acknowledge("alert-1", "ops", Now);
        var (resolved, resolvedEvents) = _book.Acknowledge("alert-2", "ops", Now);
        var (unknown, unknownEvents) = _book.Acknowledge("alert-9", "ops", Now);

        Assert.Equal((AlertState.Firing, "ops", Now), (firing!.State, firing.AcknowledgedBy, firing.AcknowledgedAt));
        Assert.Equal((true, false), (firingEvents.NeedsWrite, firingEvents.HistoryChanged));
        Assert.Equal((AlertState.Resolved, "ops"), (resolved!.State, resolved.AcknowledgedBy));
        Assert.True(resolvedEvents.HistoryChanged);
        Assert.Null(unknown);
        Assert.False(unknownEvents.NeedsWrite);
        Assert.Equal("ops", _book.View().Recent.Single().AcknowledgedBy);
    }

    [Fact]
    public void TheHistory_KeepsTheNewestResolvedAlerts_NewestFirst()
    {
        for (var i = 0; i < AlertBook.RecentKept + 5; i++)
        {
            _book.Report("silo-a", [Signal("a")], Now);
            _book.Report("silo-a", [], Now);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var recent = _book.View().Recent;
        Assert.Equal(AlertBook.RecentKept, recent.Count);
        Assert.Equal($"alert-{AlertBook.RecentKept + 5}", recent[0].Id);
        Assert.Equal("alert-6", recent[^1].Id);
    }
}
