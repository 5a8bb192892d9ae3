using AriaPro.Core.Monitoring.Anomaly;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class MadDetectorTests
{
    [Fact]
    public void Observe_ThousandGaussianPoints_FlagsNone()
    {
        var detector = new MadDetector(window: 120, threshold: 5, minSamples: 30);

        var flagged = Gaussian.Series(seed: 7, count: 1000, mean: 100, sigma: 5).Count(v => detector.Observe(v).IsAnomaly);

        Assert.Equal(0, flagged);
    }

    [Fact]
    public void Observe_InjectedSpike_FlagsItWithABandThatExcludesIt()
    {
        var detector = new MadDetector(window: 120, threshold: 6, minSamples: 30);
        foreach (var value in Gaussian.Series(seed: 11, count: 200, mean: 0.2, sigma: 0.02))
        {
            Assert.False(detector.Observe(value).IsAnomaly);
        }

        var spike = detector.Observe(0.2 + 10 * 0.02);

        Assert.True(spike.IsAnomaly);
        Assert.InRange(spike.Expected, 0.19, 0.21);
        Assert.InRange(spike.High, 0.27, 0.35);
        Assert.InRange(spike.Low, 0.05, 0.13);
        Assert.Equal("mad", detector.Name);
    }

    [Fact]
    public void Observe_SpikesInTheWindow_DoNotWidenTheBand()
    {
        var detector = new MadDetector(window: 60, threshold: 6, minSamples: 30);
        var noise = Gaussian.Series(seed: 5, count: 120, mean: 10, sigma: 1);
        AnomalyVerdict last = default;
        for (var i = 0; i < noise.Length; i++)
        {
            last = detector.Observe(i % 20 == 0 ? 1000 : noise[i]);
        }

        Assert.InRange(last.High - last.Low, 8, 20);
    }

    [Fact]
    public void Observe_BeforeMinSamples_NeverFlags()
    {
        var detector = new MadDetector(window: 50, threshold: 3, minSamples: 10);
        for (var i = 0; i < 9; i++)
        {
            detector.Observe(i);
        }

        var early = detector.Observe(1000);

        Assert.False(early.IsAnomaly);
        Assert.False(early.Ready);
    }

    [Fact]
    public void Observe_MostlyOneValue_FallsBackToMeanDeviation()
    {
        var detector = new MadDetector(window: 25, threshold: 6, minSamples: 25);
        foreach (var value in Enumerable.Repeat(0.0, 20).Concat(Enumerable.Repeat(1.0, 5)))
        {
            detector.Observe(value);
        }

        var usual = detector.Observe(1);
        var unusual = detector.Observe(5);

        Assert.False(usual.IsAnomaly);
        Assert.True(unusual.IsAnomaly);
        Assert.Equal(0.0, usual.Expected);
        Assert.Equal(6 * 1.2533 * 0.2, usual.High, 9);
    }

    [Fact]
    public void Observe_ConstantSeries_KeepsItNormalAndFlagsAnyRealChange()
    {
        var detector = new MadDetector(window: 30, threshold: 6, minSamples: 10);

        var flat = Enumerable.Range(0, 60).Count(_ => detector.Observe(3.0).IsAnomaly);
        var changed = detector.Observe(3.001);

        Assert.Equal(0, flat);
        Assert.True(changed.IsAnomaly);
    }

    [Fact]
    public void Observe_NaN_IsNeitherJudgedNorLearnt()
    {
        var detector = new MadDetector(window: 10, threshold: 3, minSamples: 3);
        detector.Observe(1);
        detector.Observe(2);
        detector.Observe(3);

        var nan = detector.Observe(double.NaN);
        var next = detector.Observe(2);

        Assert.False(nan.IsAnomaly);
        Assert.Equal(2.0, next.Expected);
    }
}
