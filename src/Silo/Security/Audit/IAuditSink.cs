namespace AriaPro.Silo.Security.Audit;

/// <summary>Somewhere audit events are kept or sent: the file, the Redis stream, the Orleans stream.</summary>
public interface IAuditSink
{
    /// <summary>Writes one batch; a failure is logged by the caller and does not reach the other sinks.</summary>
    Task WriteAsync(IReadOnlyList<AuditEvent> batch, CancellationToken cancellationToken);
}
