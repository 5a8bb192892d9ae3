using AriaPro.Core.Monitoring;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Tests.Fixtures;

namespace AriaPro.Grains.Tests.Monitoring;

/// <summary>
/// The core's alert book is stored through the surrogates in src/Grains: the firing set written by
/// the build before the core moved out (taken from a real embedded silo's store) still reads, and
/// what is written now reads back the same.
/// </summary>
[Trait("Category", "Unit")]
public sealed class AlertBookStorageTests : IDisposable
{
    private readonly StoredState _stored = new();

    public void Dispose() => _stored.Dispose();

    [Fact]
    public void FiringSetStoredByTheBuildBeforeTheCore_ReadsBackWithItsAlertAndReporter()
    {
        var stored = Fixture();

        var alert = Assert.Single(stored.Active.Values);
        Assert.Equal(("alert-1", "trader-breaker-open", AlertState.Firing, "USDJPY"),
            (alert.Id, alert.RuleId, alert.State, alert.Labels["name"]));
        Assert.Equal(1, stored.Sequence);
        Assert.Equal(StringComparer.Ordinal, stored.Active.Comparer);
        var reported = Assert.Single(stored.Reported);
        Assert.Contains(alert.Key, reported.Value);
    }

    [Fact]
    public void StateWrittenNow_ReadsBackFieldForField()
    {
        var state = Fixture();
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        state.CoolingUntil["k"] = now;
        state.QuietUntil["q"] = now.AddSeconds(5);
        var history = new AlertHistory { Recent = [state.Active.Values.Single() with { State = AlertState.Resolved, ResolvedAt = now }] };

        var back = _stored.RoundTrip(state);
        var historyBack = _stored.RoundTrip(history);

        AssertSame(state.Active.Values.Single(), back.Active.Values.Single());
        Assert.Equal((now, now.AddSeconds(5), 1L), (back.CoolingUntil["k"], back.QuietUntil["q"], back.Sequence));
        Assert.Equal(state.Reported.Single().Value.Order(), back.Reported.Single().Value.Order());
        AssertSame(history.Recent.Single(), historyBack.Recent.Single());
    }

    // Labels are an immutable dictionary, which a record compares by reference.
    private static void AssertSame(Alert expected, Alert actual)
    {
        Assert.Equal(expected.Labels.OrderBy(l => l.Key), actual.Labels.OrderBy(l => l.Key));
        Assert.Equal(expected, actual with { Labels = expected.Labels });
    }

    private AlertBookState Fixture() => _stored.Read<AlertBookState>(StoredState.Lines("alerts-state-6fdf008.txt").Single()[0]);
}
