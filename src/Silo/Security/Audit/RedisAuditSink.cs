using StackExchange.Redis;

namespace AriaPro.Silo.Security.Audit;

/// <summary>
/// Adds events to the Redis stream <c>{serviceId}:audit</c> (cluster mode), trimmed to about
/// <see cref="MaxLength"/> entries, one field per event property and the details as JSON.
/// </summary>
public sealed class RedisAuditSink(IConnectionMultiplexer redis, string serviceId) : IAuditSink
{
    /// <summary>Entries the stream keeps, approximately (<c>MAXLEN ~</c>).</summary>
    public const int MaxLength = 100_000;

    /// <summary>The stream's key.</summary>
    public RedisKey Key { get; } = serviceId + ":audit";

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<AuditEvent> batch, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var adds = batch.Select(e => database.StreamAddAsync(Key, Fields(e), maxLength: MaxLength, useApproximateMaxLength: true));
        await Task.WhenAll(adds).WaitAsync(cancellationToken);
    }

    private static NameValueEntry[] Fields(AuditEvent e) =>
    [
        new("time", AuditJson.Time(e.Time)),
        new("type", e.Type),
        new("principal", e.Principal),
        new("remoteIp", e.RemoteIp ?? ""),
        new("method", e.Method ?? ""),
        new("path", e.Path ?? ""),
        new("outcome", e.Outcome),
        new("details", AuditJson.Details(e.Details)),
    ];
}
