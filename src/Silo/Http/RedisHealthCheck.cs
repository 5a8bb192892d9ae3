using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AriaPro.Silo.Http;

/// <summary>
/// Ready when Redis answers a PING within <see cref="Deadline"/> (cluster mode only). The check has
/// its own connection that never gives up reconnecting and never queues a PING behind a dead
/// socket, so a Redis outage turns readiness to 503 within a probe or two, and its return to 200.
/// </summary>
internal sealed class RedisHealthCheck : IHealthCheck, IAsyncDisposable
{
    /// <summary>Longest one check waits for Redis, connecting included.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public RedisHealthCheck(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);

        // StackExchange.Redis would otherwise hold a PING in its backlog for the 5 s command
        // timeout while the socket is down, and a first connect that fails would fail for good.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = (int)Deadline.TotalMilliseconds;
        options.AsyncTimeout = (int)Deadline.TotalMilliseconds;
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The client's own timeouts end the PING too; this bound also covers the connect.
            var latency = await PingAsync().WaitAsync(Deadline, cancellationToken);
            return HealthCheckResult.Healthy($"Redis PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer within {Deadline.TotalSeconds:F0} s", exception);
        }
    }

    private async Task<TimeSpan> PingAsync() => await (await _connection.Value).GetDatabase().PingAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
