namespace AriaPro.Silo.Security.Audit;

/// <summary>The security audit trail: every sink gets every recorded event, in order.</summary>
public interface IAuditLog
{
    /// <summary>Queues <paramref name="auditEvent"/> for the sinks; never blocks or throws (a full queue drops and counts).</summary>
    void Record(AuditEvent auditEvent);
}
