namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// Sliding-window logs and penalties. One call is atomic: it checks the principal's lockout, then
/// every partition, and records the request in all partitions only when all have room, so a refused
/// request consumes no quota. A refusal counts towards a strike; a strike imposes a lockout.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>Decides one request of <paramref name="principal"/> against <paramref name="partitions"/>.</summary>
    Task<RateLimitDecision> AcquireAsync(string principal, IReadOnlyList<RateLimitPartition> partitions, CancellationToken cancellationToken = default);
}
