using System.Threading.Channels;

namespace AriaPro.Silo.Security.Audit;

/// <summary>
/// The audit log: <see cref="Record"/> puts an event on a bounded queue and returns at once; a
/// background writer drains it in batches into every sink. A full queue drops the event and counts
/// it rather than slow a request down; a failing sink is logged and never stops the others.
/// </summary>
public sealed partial class AuditLog : IHostedService, IAuditLog
{
    /// <summary>Events the queue holds before it drops.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>Most events handed to the sinks at once.</summary>
    public const int MaxBatch = 256;

    // A flood of drops must not become a flood of log lines.
    private const int LogEveryNthDrop = 1000;

    private readonly Channel<AuditEvent> _queue;
    private readonly IAuditSink[] _sinks;
    private readonly ILogger<AuditLog> _logger;
    private long _dropped;
    private Task _writer = Task.CompletedTask;

    /// <summary>A log writing to <paramref name="sinks"/> through a queue of <paramref name="capacity"/> events.</summary>
    public AuditLog(IEnumerable<IAuditSink> sinks, ILogger<AuditLog> logger, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _sinks = [.. sinks];
        _logger = logger;
        _queue = Channel.CreateBounded<AuditEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Events dropped because the queue was full (or the log was stopping).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc/>
    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);

        // TryWrite never waits: with FullMode Wait it answers false when the queue is full.
        if (!_queue.Writer.TryWrite(auditEvent))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if (dropped == 1 || dropped % LogEveryNthDrop == 0)
            {
                LogDropped(auditEvent.Type, dropped);
            }
        }
    }

    /// <summary>Starts the background writer.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(DrainAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking events and waits (until <paramref name="cancellationToken"/>) for the writer to drain what is queued.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Not a BackgroundService: its stopping token could cancel the writer before it drained.
        _queue.Writer.TryComplete();
        await _writer.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var batch = new List<AuditEvent>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.WriteAsync(batch, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    LogSinkFailed(exception, sink.GetType().Name, batch.Count);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit queue full: dropped a {Type} event ({Dropped} dropped so far)")]
    private partial void LogDropped(string type, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit sink {Sink} failed to write {Count} event(s)")]
    private partial void LogSinkFailed(Exception exception, string sink, int count);
}
