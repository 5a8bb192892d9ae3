using AriaPro.Grains.Interfaces.Events;
using Orleans.Streams;

namespace AriaPro.Silo.Security.Audit;

/// <summary>Publishes events as <see cref="SecurityEvent"/>s on the <c>security_event</c> stream, through the silo's cluster client.</summary>
public sealed class StreamAuditSink(IClusterClient client) : IAuditSink
{
    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<AuditEvent> batch, CancellationToken cancellationToken)
    {
        var stream = client.GetStreamProvider(AriaStreams.Provider)
            .GetStream<SecurityEvent>(StreamId.Create(AriaStreams.Namespace, AriaStreams.SecurityEvents));
        foreach (var auditEvent in batch)
        {
            await stream.OnNextAsync(auditEvent.ToSecurityEvent());
        }
    }
}
