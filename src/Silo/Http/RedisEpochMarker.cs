namespace AriaPro.Silo.Http;

/// <summary>
/// Marks the cluster's Redis with its state epoch when the silo starts (<see cref="RedisHealthCheck"/>),
/// so that an emptied Redis is noticed from the first moment. Should Redis not answer within
/// <see cref="Limit"/>, the first readiness probe marks it instead; the start goes on.
/// </summary>
internal sealed partial class RedisEpochMarker(RedisHealthCheck check, ILogger<RedisEpochMarker> logger) : IHostedService
{
    /// <summary>How long the start waits for Redis to take the mark.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly ILogger<RedisEpochMarker> _logger = logger;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var epoch = await check.MarkAsync().WaitAsync(Limit, cancellationToken);
            LogMarked(check.EpochKey, epoch);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotMarked(exception, check.EpochKey);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster state epoch {Key} is {Epoch}; readiness turns 503 should Redis lose it")]
    private partial void LogMarked(string key, string epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read or write the cluster state epoch {Key} at start; the first readiness probe tries again")]
    private partial void LogNotMarked(Exception exception, string key);
}
