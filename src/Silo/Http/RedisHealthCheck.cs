using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AriaPro.Silo.Http;

/// <summary>
/// Ready when Redis answers a PING within <see cref="Deadline"/> and still holds this cluster's
/// state (cluster mode only). The check has its own connection that never gives up reconnecting
/// and never queues a PING behind a dead socket, so a Redis outage turns readiness to 503 within a
/// probe or two, and its return to 200.
/// <para>
/// A Redis that comes back <em>empty</em> (restarted without its append-only file, flushed, or
/// replaced) answers PING like a healthy one while every position, order, key and signing key is
/// gone. So the silo marks the Redis it starts on with an epoch (<see cref="EpochKey"/>, set once per
/// deployment and kept) and readiness stays 503, naming why, from the moment that mark is missing
/// or not the one it started with, until the silo is restarted on purpose.
/// </para>
/// </summary>
internal sealed partial class RedisHealthCheck : IHealthCheck, IAsyncDisposable
{
    /// <summary>Longest one check waits for Redis, connecting included.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private readonly string _serviceId;
    private readonly ILogger<RedisHealthCheck> _logger;
    private string? _epoch;
    private string? _lost;

    public RedisHealthCheck(string connectionString, string serviceId, ILogger<RedisHealthCheck> logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);

        // StackExchange.Redis would otherwise hold a PING in its backlog for the 5 s command
        // timeout while the socket is down, and a first connect that fails would fail for good.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = (int)Deadline.TotalMilliseconds;
        options.AsyncTimeout = (int)Deadline.TotalMilliseconds;
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));
        _serviceId = serviceId;
        _logger = logger;
    }

    /// <summary>The key that marks a Redis as holding this deployment's state.</summary>
    public string EpochKey => $"{_serviceId}:state-epoch";

    /// <summary>Marks Redis with this deployment's epoch (kept if one is there) and remembers it; at start.</summary>
    public async Task<string> MarkAsync()
    {
        var database = (await _connection.Value).GetDatabase();
        await database.StringSetAsync(EpochKey, Guid.NewGuid().ToString("N"), when: When.NotExists);
        var epoch = (string?)await database.StringGetAsync(EpochKey)
            ?? throw new InvalidOperationException($"Redis did not keep {EpochKey} just written");
        _epoch ??= epoch;
        return epoch;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_lost is { } lost)
        {
            return HealthCheckResult.Unhealthy(lost);
        }

        try
        {
            // The client's own timeouts end the PING too; this bound also covers the connect.
            var (latency, epoch) = await ReadAsync().WaitAsync(Deadline, cancellationToken);
            if (_epoch is null)
            {
                _epoch = epoch ?? await MarkAsync().WaitAsync(Deadline, cancellationToken);
            }
            else if (epoch != _epoch)
            {
                _lost = epoch is null
                    ? $"Redis no longer holds this cluster's state: {EpochKey}, written when the silo started, is gone (Redis restarted without its data, or was flushed). " +
                      "What was stored before is lost; restore Redis from its append-only file or backup, or restart every silo to start over from empty storage"
                    : $"Redis holds another start's state: {EpochKey} is {epoch}, not {_epoch} as when this silo started (Redis was emptied and a silo started on it since). " +
                      "Restart this silo so that it serves what Redis holds now";
                LogStateLost(_lost);
                return HealthCheckResult.Unhealthy(_lost);
            }

            return HealthCheckResult.Healthy($"Redis PING {latency.TotalMilliseconds:F1} ms, cluster state present");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer within {Deadline.TotalSeconds:F0} s", exception);
        }
    }

    private async Task<(TimeSpan Latency, string? Epoch)> ReadAsync()
    {
        var database = (await _connection.Value).GetDatabase();
        var ping = database.PingAsync();
        var epoch = database.StringGetAsync(EpochKey);
        return (await ping, (string?)await epoch);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "Cluster state lost: {Reason}; readiness answers 503 until the silo is restarted")]
    private partial void LogStateLost(string reason);
}
