using Serilog.Core;
using Serilog.Events;

namespace AriaPro.Silo.Hosting;

/// <summary>
/// The console sink behind Serilog's batching sink: events are written by one background loop,
/// a batch at a time, so the thread that logs only hands an event over. (The async wrapper used
/// before woke its writer and spun on every event: a seventh of the order path's CPU at 1,800
/// orders a second, docs/PERFORMANCE.md.)
/// </summary>
internal sealed class BatchedConsole(Logger console) : IBatchedLogEventSink, IDisposable
{
    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
        {
            console.Write(logEvent);
        }

        return Task.CompletedTask;
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => console.Dispose();
}
