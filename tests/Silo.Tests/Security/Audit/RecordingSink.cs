using System.Collections.Concurrent;
using AriaPro.Silo.Security.Audit;

namespace AriaPro.Silo.Tests.Security.Audit;

/// <summary>Keeps what it is given; or, when told to, fails every batch.</summary>
internal sealed class RecordingSink(bool fail = false) : IAuditSink
{
    public ConcurrentQueue<AuditEvent> Written { get; } = new();

    public Task WriteAsync(IReadOnlyList<AuditEvent> batch, CancellationToken cancellationToken)
    {
        if (fail)
        {
            throw new IOException("sink down");
        }

        foreach (var auditEvent in batch)
        {
            Written.Enqueue(auditEvent);
        }

        return Task.CompletedTask;
    }
}
