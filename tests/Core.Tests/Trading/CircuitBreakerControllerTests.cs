using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Core.Tests.Trading;

[Trait("Category", "Unit")]
public sealed class CircuitBreakerControllerTests
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly CircuitBreakerState _state = new();
    private readonly CircuitBreakerController _breaker;

    public CircuitBreakerControllerTests() => _breaker = new(_state, failureThreshold: 3, Cooldown);

    [Fact]
    public void RecordFailure_BelowThreshold_StaysClosedAndCounts()
    {
        _breaker.RecordFailure("a", Now, "rejected");
        var transition = _breaker.RecordFailure("b", Now, "rejected");

        Assert.Null(transition);
        Assert.Equal(CircuitState.Closed, _breaker.View(Now).State);
        Assert.Equal(2, _breaker.View(Now).ConsecutiveFailures);
    }

    [Fact]
    public void RecordFailure_AtThreshold_OpensUntilCooldownEnds()
    {
        Trip();

        var view = _breaker.View(Now);
        Assert.Equal(CircuitState.Open, view.State);
        Assert.Equal(Now + Cooldown, view.OpensUntil);
        Assert.Equal(3, view.ConsecutiveFailures);
    }

    [Fact]
    public void RecordSuccess_WhileClosed_ClearsFailureCount()
    {
        _breaker.RecordFailure("a", Now, "rejected");
        _breaker.RecordFailure("b", Now, "rejected");

        _breaker.RecordSuccess("c", Now);
        _breaker.RecordFailure("d", Now, "rejected");

        Assert.Equal(CircuitState.Closed, _breaker.View(Now).State);
        Assert.Equal(1, _breaker.View(Now).ConsecutiveFailures);
    }

    [Fact]
    public void TryAdmit_WhileOpen_DeniesSayingWhenItProbes()
    {
        Trip();
        _time.Advance(Cooldown - TimeSpan.FromSeconds(1));

        var reason = _breaker.TryAdmit("x", Now, out var isProbe, out _);

        Assert.NotNull(reason);
        Assert.Contains("open", reason);
        Assert.Contains((_time.GetUtcNow() + TimeSpan.FromSeconds(1)).ToString("O"), reason);
        Assert.False(isProbe);
    }

    [Fact]
    public void TryAdmit_AfterCooldown_AdmitsExactlyOneProbe()
    {
        Trip();
        _time.Advance(Cooldown);

        var first = _breaker.TryAdmit("probe", Now, out var firstIsProbe, out var transition);
        var second = _breaker.TryAdmit("other", Now, out var secondIsProbe, out _);

        Assert.Null(first);
        Assert.True(firstIsProbe);
        Assert.Equal(new CircuitTransition(CircuitState.Open, CircuitState.HalfOpen, transition!.Value.Reason), transition);
        Assert.NotNull(second);
        Assert.Contains("probe order probe is in flight", second);
        Assert.False(secondIsProbe);
    }

    [Fact]
    public void RecordSuccess_OfProbe_ClosesAndClearsFailures()
    {
        Trip();
        _time.Advance(Cooldown);
        _breaker.TryAdmit("probe", Now, out _, out _);

        var transition = _breaker.RecordSuccess("probe", Now);

        Assert.Equal(CircuitState.Closed, transition!.Value.To);
        Assert.Equal(new CircuitBreakerView(CircuitState.Closed, 0, null, null), _breaker.View(Now));
    }

    [Fact]
    public void RecordFailure_OfProbe_ReopensForAnotherCooldown()
    {
        Trip();
        _time.Advance(Cooldown);
        _breaker.TryAdmit("probe", Now, out _, out _);

        var transition = _breaker.RecordFailure("probe", Now, "rejected");

        Assert.Equal(new CircuitTransition(CircuitState.HalfOpen, CircuitState.Open, transition!.Value.Reason), transition);
        Assert.Equal(Now + Cooldown, _breaker.View(Now).OpensUntil);
    }

    [Fact]
    public void RecordFailure_OfOtherOrderWhileHalfOpen_IsIgnored()
    {
        Trip();
        _time.Advance(Cooldown);
        _breaker.TryAdmit("probe", Now, out _, out _);

        var transition = _breaker.RecordFailure("late", Now, "rejected");

        Assert.Null(transition);
        Assert.Equal(CircuitState.HalfOpen, _breaker.View(Now).State);
        Assert.Equal("probe", _breaker.View(Now).ProbeOrderId);
    }

    [Fact]
    public void Isolate_HoldsOpenPastCooldownUntilReleased()
    {
        _breaker.Isolate("maintenance");
        _time.Advance(Cooldown * 10);

        var denied = _breaker.TryAdmit("x", Now, out _, out _);
        var held = _breaker.View(Now);
        var released = _breaker.Release();
        var admitted = _breaker.TryAdmit("y", Now, out _, out _);

        Assert.Contains("maintenance", denied);
        Assert.Equal("maintenance", held.Reason);
        Assert.Null(_breaker.View(Now).Reason);
        Assert.Equal(new CircuitTransition(CircuitState.Isolated, CircuitState.Closed, "resumed by an operator"), released);
        Assert.Null(admitted);
    }

    [Fact]
    public void Release_WhenNotIsolated_ChangesNothing()
    {
        Trip();

        Assert.Null(_breaker.Release());
        Assert.Equal(CircuitState.Open, _breaker.View(Now).State);
    }

    [Fact]
    public void Reset_WhileOpen_ClosesImmediately()
    {
        Trip();

        var transition = _breaker.Reset();

        Assert.Equal(new CircuitTransition(CircuitState.Open, CircuitState.Closed, "reset by an operator"), transition);
        Assert.Null(_breaker.TryAdmit("x", Now, out _, out _));
    }

    [Fact]
    public void View_AfterCooldown_ReadsHalfOpenWithoutChangingState()
    {
        Trip();
        _time.Advance(Cooldown);

        var view = _breaker.View(Now);

        Assert.Equal(CircuitState.HalfOpen, view.State);
        Assert.Null(view.OpensUntil);
        Assert.Equal(CircuitState.Open, _state.State);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private void Trip()
    {
        for (var i = 0; i < 3; i++)
        {
            _breaker.RecordFailure($"f{i}", Now, "rejected");
        }
    }
}
