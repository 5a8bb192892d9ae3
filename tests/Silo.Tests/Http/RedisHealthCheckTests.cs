using System.Diagnostics;
using AriaPro.Silo.Http;
using AriaPro.Silo.Tests.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriaPro.Silo.Tests.Http;

/// <summary>The readiness check against a real redis-server that is down at first, then up, then killed.</summary>
[Trait("Category", "Integration")]
public sealed class RedisHealthCheckTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task CheckHealthAsync_RedisDownUpAndKilled_AnswersWithinDeadlineAndFollowsRedis()
    {
        Skip.If(RedisServer.NotInstalled is not null, RedisServer.NotInstalled);
        await using var redis = await RedisServer.StartAsync();
        await redis.KillAsync();
        await using var check = new RedisHealthCheck(redis.ConnectionString);

        var (downFirst, downFirstTook) = await Check(check);
        await redis.StartAgainAsync();
        var recovered = await Poll.UntilAsync(async () => (await Check(check)).Status == HealthStatus.Healthy, RecoveryLimit);
        await redis.KillAsync();
        var (killed, killedTook) = await Check(check);

        Assert.Equal(HealthStatus.Unhealthy, downFirst);
        Assert.True(downFirstTook <= RedisHealthCheck.Deadline + Slack, $"the first check, with Redis down, took {downFirstTook.TotalSeconds:F2} s");
        Assert.True(recovered, $"the check did not turn Healthy within {RecoveryLimit.TotalSeconds} s of Redis starting");
        Assert.Equal(HealthStatus.Unhealthy, killed);
        Assert.True(killedTook <= RedisHealthCheck.Deadline + Slack, $"the check after the kill took {killedTook.TotalSeconds:F2} s");
    }

    private static async Task<(HealthStatus Status, TimeSpan Took)> Check(RedisHealthCheck check)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, Stopwatch.GetElapsedTime(started));
    }
}
