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
        await using var check = Check(redis);

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

    [SkippableFact]
    public async Task CheckHealthAsync_RedisComesBackEmpty_UnhealthyNamingTheLostStateUntilRestarted()
    {
        Skip.If(RedisServer.NotInstalled is not null, RedisServer.NotInstalled);
        await using var redis = await RedisServer.StartAsync();
        var service = $"health-{Guid.NewGuid():N}";
        await using var check = Check(redis, service);
        var epoch = await check.MarkAsync();
        var (before, _) = await Check(check);

        await redis.WipeAndStartAgainAsync();
        HealthCheckResult after = default;
        var wiped = await Poll.UntilAsync(async () =>
        {
            after = await check.CheckHealthAsync(new HealthCheckContext());
            return after.Description?.Contains("no longer holds", StringComparison.Ordinal) == true;
        }, RecoveryLimit);
        await using var other = Check(redis, service);
        var newSilo = await other.MarkAsync();
        var stillLost = await check.CheckHealthAsync(new HealthCheckContext());
        var fresh = await other.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, before);
        Assert.True(wiped, "readiness did not notice the emptied Redis");
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Contains("no longer holds this cluster's state", after.Description);
        Assert.Contains(check.EpochKey, after.Description);
        Assert.NotEqual(epoch, newSilo);
        Assert.Equal(HealthStatus.Unhealthy, stillLost.Status);
        Assert.Equal(HealthStatus.Healthy, fresh.Status);
    }

    private static RedisHealthCheck Check(RedisServer redis, string? service = null) =>
        new(redis.ConnectionString, service ?? $"health-{Guid.NewGuid():N}", Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisHealthCheck>.Instance);

    private static async Task<(HealthStatus Status, TimeSpan Took)> Check(RedisHealthCheck check)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, Stopwatch.GetElapsedTime(started));
    }
}
