using AriaPro.Core.Monitoring.Rules;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class DurationsTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("0s", 0)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("-5s", -5_000)]
    public void TryParse_NumberAndUnit_ReadsTheDuration(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("30")]
    [InlineData("30 s")]
    [InlineData("5min")]
    [InlineData("1e3s")]
    [InlineData("5.m")]
    public void TryParse_AnythingElse_IsRefused(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}
