using AriaPro.Core.Monitoring.Anomaly;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class RollingZScoreDetectorTests
{
    [Fact]
    public void Observe_ThousandGaussianPoints_FlagsNone()
    {
        var detector = new RollingZScoreDetector(window: 120, threshold: 4.5, minSamples: 30);

        var flagged = Gaussian.Series(seed: 7, count: 1000, mean: 100, sigma: 5).Count(v => detector.Observe(v).IsAnomaly);

        Assert.Equal(0, flagged);
    }

    [Fact]
    public void Observe_InjectedSpike_FlagsItWithABandThatExcludesIt()
    {
        var detector = new RollingZScoreDetector(window: 120, threshold: 4.5, minSamples: 30);
        foreach (var value in Gaussian.Series(seed: 11, count: 200, mean: 100, sigma: 5))
        {
            Assert.False(detector.Observe(value).IsAnomaly);
        }

        var spike = detector.Observe(100 + 10 * 5);

        Assert.True(spike.IsAnomaly);
        Assert.True(spike.Ready);
        Assert.InRange(spike.Expected, 98, 102);
        Assert.InRange(spike.Low, 70, 90);
        Assert.InRange(spike.High, 110, 130);
        Assert.True(spike.Value > spike.High);
    }

    [Fact]
    public void Observe_BeforeMinSamples_NeverFlags()
    {
        var detector = new RollingZScoreDetector(window: 50, threshold: 3, minSamples: 10);
        for (var i = 0; i < 9; i++)
        {
            detector.Observe(1.0);
        }

        var early = detector.Observe(1000);
        var ready = detector.Observe(1000);

        Assert.False(early.IsAnomaly);
        Assert.False(early.Ready);
        Assert.True(double.IsNaN(early.Low));
        Assert.True(ready.Ready);
    }

    [Fact]
    public void Observe_ConstantSeries_KeepsItNormalAndFlagsAnyRealChange()
    {
        var detector = new RollingZScoreDetector(window: 60, threshold: 4, minSamples: 10);

        var flat = Enumerable.Range(0, 60).Count(_ => detector.Observe(5.0).IsAnomaly);
        var same = detector.Observe(5.0);
        var changed = detector.Observe(5.01);

        Assert.Equal(0, flat);
        Assert.False(same.IsAnomaly);
        Assert.True(changed.IsAnomaly);
        Assert.Equal(5.0, changed.Expected);
    }

    [Fact]
    public void Observe_LevelShift_BecomesNormalOnceItFillsTheWindow()
    {
        var detector = new RollingZScoreDetector(window: 30, threshold: 4, minSamples: 10);
        foreach (var value in Gaussian.Series(seed: 3, count: 60, mean: 10, sigma: 1))
        {
            detector.Observe(value);
        }

        var shifted = Gaussian.Series(seed: 4, count: 60, mean: 50, sigma: 1).Select(v => detector.Observe(v).IsAnomaly).ToArray();

        Assert.True(shifted[0]);
        Assert.All(shifted[30..], Assert.False);
    }

    [Fact]
    public void Observe_NaN_IsNeitherJudgedNorLearnt()
    {
        var detector = new RollingZScoreDetector(window: 10, threshold: 3, minSamples: 3);
        detector.Observe(1);
        detector.Observe(2);
        detector.Observe(3);

        var nan = detector.Observe(double.NaN);
        var infinity = detector.Observe(double.PositiveInfinity);
        var next = detector.Observe(2);

        Assert.False(nan.IsAnomaly);
        Assert.False(infinity.IsAnomaly);
        Assert.Equal(2.0, next.Expected);
    }
}
