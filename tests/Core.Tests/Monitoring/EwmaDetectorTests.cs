using AriaPro.Core.Monitoring.Anomaly;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class EwmaDetectorTests
{
    [Fact]
    public void Observe_ThousandGaussianPoints_FlagsNone()
    {
        var detector = new EwmaDetector(alpha: 0.05, threshold: 5, minSamples: 30);

        var flagged = Gaussian.Series(seed: 7, count: 1000, mean: 100, sigma: 5).Count(v => detector.Observe(v).IsAnomaly);

        Assert.Equal(0, flagged);
    }

    [Fact]
    public void Observe_InjectedSpike_FlagsItWithABandThatExcludesIt()
    {
        var detector = new EwmaDetector(alpha: 0.05, threshold: 5, minSamples: 30);
        foreach (var value in Gaussian.Series(seed: 11, count: 200, mean: 100, sigma: 5))
        {
            Assert.False(detector.Observe(value).IsAnomaly);
        }

        var spike = detector.Observe(100 - 12 * 5);

        Assert.True(spike.IsAnomaly);
        Assert.InRange(spike.Expected, 97, 103);
        Assert.True(spike.Value < spike.Low);
        Assert.InRange(spike.Low, 60, 90);
        Assert.InRange(spike.High, 110, 140);
        Assert.Equal("ewma", detector.Name);
    }

    [Fact]
    public void Observe_BeforeMinSamples_NeverFlags()
    {
        var detector = new EwmaDetector(alpha: 0.1, threshold: 3, minSamples: 10);
        for (var i = 0; i < 9; i++)
        {
            detector.Observe(1.0);
        }

        var early = detector.Observe(1000);
        var ready = detector.Observe(-1000);

        Assert.False(early.IsAnomaly);
        Assert.False(early.Ready);
        Assert.True(ready.Ready);
        Assert.True(ready.IsAnomaly);
    }

    [Fact]
    public void Observe_ConstantSeries_KeepsItNormalAndFlagsAnyRealChange()
    {
        var detector = new EwmaDetector(alpha: 0.1, threshold: 4, minSamples: 10);

        var flat = Enumerable.Range(0, 100).Count(_ => detector.Observe(7.0).IsAnomaly);
        var changed = detector.Observe(7.01);

        Assert.Equal(0, flat);
        Assert.True(changed.IsAnomaly);
        Assert.Equal(7.0, changed.Expected);
    }

    [Fact]
    public void Observe_NaN_IsNeitherJudgedNorLearnt()
    {
        var detector = new EwmaDetector(alpha: 0.5, threshold: 3, minSamples: 2);
        detector.Observe(4);
        detector.Observe(4);

        var nan = detector.Observe(double.NaN);
        var next = detector.Observe(4);

        Assert.False(nan.IsAnomaly);
        Assert.Equal(4.0, next.Expected);
        Assert.False(next.IsAnomaly);
    }
}
