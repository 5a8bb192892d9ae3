using AriaPro.Silo.Monitoring.Notifications;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

[Trait("Category", "Unit")]
public sealed class AlertRetryPolicyTests
{
    private readonly AlertRetryPolicy _policy = new(new AlertDeliveryOptions());

    [Fact]
    public void NextDelay_Defaults_DoubleFromHalfASecondUpToThirtySeconds()
    {
        var delays = Enumerable.Range(1, 9).Select(failed => _policy.NextDelay(failed)!.Value.TotalSeconds).ToList();

        Assert.Equal([0.5, 1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void NextDelay_AfterTheLastAttempt_IsNull()
    {
        var delay = _policy.NextDelay(AlertDeliveryConstants.MaxAttempts);

        Assert.Null(delay);
    }

    [Fact]
    public void NextDelay_RetryAfter_ReplacesTheBackoff()
    {
        var delay = _policy.NextDelay(1, TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void NextDelay_RetryAfterBeyondTheMaximum_IsCapped()
    {
        var delay = _policy.NextDelay(1, TimeSpan.FromHours(1));

        Assert.Equal(AlertDeliveryConstants.MaxRetryDelay, delay);
    }

    [Fact]
    public void NextDelay_RetryAfterInThePast_IsZero()
    {
        var delay = _policy.NextDelay(1, TimeSpan.FromSeconds(-3));

        Assert.Equal(TimeSpan.Zero, delay);
    }
}
