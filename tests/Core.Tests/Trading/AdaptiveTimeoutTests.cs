using AriaPro.Core.Trading;

namespace AriaPro.Core.Tests.Trading;

[Trait("Category", "Unit")]
public sealed class AdaptiveTimeoutTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(0.0, 30.0)]
    [InlineData(0.5, 30.0)]
    [InlineData(1.0, 30.0)]
    [InlineData(1.5, 45.0)]
    [InlineData(2.0, 60.0)]
    [InlineData(4.0, 120.0)]
    [InlineData(9.0, 120.0)]
    public void Compute_VolatilityRatio_ScalesBaseUpToCeiling(double ratio, double expectedSeconds)
    {
        var timeout = AdaptiveTimeout.Compute(Base, Max, ratio);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), timeout);
    }

    [Fact]
    public void Compute_NaNRatio_UsesBase() => Assert.Equal(Base, AdaptiveTimeout.Compute(Base, Max, double.NaN));

    [Fact]
    public void Compute_InfiniteRatio_UsesCeiling() => Assert.Equal(Max, AdaptiveTimeout.Compute(Base, Max, double.PositiveInfinity));
}
