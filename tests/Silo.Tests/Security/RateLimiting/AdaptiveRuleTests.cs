using AriaPro.Silo.Security;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

[Trait("Category", "Unit")]
public sealed class AdaptiveRuleTests
{
    private const int N = 100;

    [Theory]
    [InlineData(0.10, 0, 1.0)]
    [InlineData(0.79, 99, 1.0)]
    [InlineData(0.80, 0, 0.5)]
    [InlineData(0.10, 100, 0.5)]
    [InlineData(0.95, 0, 0.25)]
    [InlineData(0.10, 200, 0.25)]
    public void Next_FromNormal_TightensByThresholds(double cpu, long queue, double expected)
    {
        Assert.Equal(expected, AdaptiveRule.Next(AdaptiveRule.Normal, new LoadSample(cpu, queue), N));
    }

    [Theory]
    [InlineData(AdaptiveRule.Severe, 0.90, 0, AdaptiveRule.Severe)]
    [InlineData(AdaptiveRule.Severe, 0.10, 150, AdaptiveRule.Severe)]
    [InlineData(AdaptiveRule.Severe, 0.84, 149, AdaptiveRule.Tight)]
    [InlineData(AdaptiveRule.Severe, 0.00, 0, AdaptiveRule.Tight)]
    [InlineData(AdaptiveRule.Tight, 0.75, 0, AdaptiveRule.Tight)]
    [InlineData(AdaptiveRule.Tight, 0.10, 50, AdaptiveRule.Tight)]
    [InlineData(AdaptiveRule.Tight, 0.69, 49, AdaptiveRule.Normal)]
    public void Next_UnderLoadThenCalmer_RelaxesOneLevelOnlyBelowTheLowerThresholds(double current, double cpu, long queue, double expected)
    {
        Assert.Equal(expected, AdaptiveRule.Next(current, new LoadSample(cpu, queue), N));
    }

    [Theory]
    [InlineData(60, 1.0, 60)]
    [InlineData(60, 0.5, 30)]
    [InlineData(7, 0.25, 1)]
    [InlineData(3, 0.25, 1)]
    public void Apply_ScalesAndNeverGoesBelowOne(int limit, double factor, int expected)
    {
        Assert.Equal(expected, AdaptiveRule.Apply(limit, factor));
    }

    [Fact]
    public void Factor_SamplesAtMostOncePerSecondAndFollowsTheLoad()
    {
        var time = new FakeTimeProvider();
        var sampler = new SettableLoadSampler { Load = new LoadSample(0.99, 0) };
        var limits = new AdaptiveLimits(sampler, time, new RateLimitOptions { QueueThreshold = N });

        var overloaded = limits.Factor;
        sampler.Load = new LoadSample(0.0, 0);
        var withinTheSecond = limits.Factor;
        time.Advance(AdaptiveLimits.SampleInterval);
        var oneStepBack = limits.Factor;
        time.Advance(AdaptiveLimits.SampleInterval);
        var relaxed = limits.Factor;

        Assert.Equal(AdaptiveRule.Severe, overloaded);
        Assert.Equal(AdaptiveRule.Severe, withinTheSecond);
        Assert.Equal(AdaptiveRule.Tight, oneStepBack);
        Assert.Equal(AdaptiveRule.Normal, relaxed);
        Assert.Equal(3, sampler.Samples);
    }
}
