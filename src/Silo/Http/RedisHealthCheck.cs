using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AriaPro.Silo.Http;

/// <summary>Ready when Redis answers a PING (cluster mode only).</summary>
internal sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(connectionString));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _connection.Value;
            var latency = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
