using System.Collections.Concurrent;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Replay;

/// <summary>
/// Sees every execution report a trader has applied (an incoming grain call filter on the replay's
/// silo) and lets the runner wait until an order's final report is in: a fill, a rejection or a
/// cancellation. The runner moves the clock only then, so every fill is priced at the bar that
/// caused it, whatever the machine's speed.
/// </summary>
internal sealed class SettlementTracker : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _final = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context) =>
        context.Grain is ITraderGrain && context.MethodName == nameof(ITraderGrain.OnExecutionReports)
            ? InvokeReport(context)
            : context.Invoke();

    /// <summary>Completes once the order's final report has been applied (at once if it already has).</summary>
    public Task WaitAsync(string clientOrderId, TimeSpan timeout, CancellationToken cancellationToken) =>
        Entry(clientOrderId).Task.WaitAsync(timeout, cancellationToken);

    // Only once the trader has applied the report (persisted it, told the risk grain) is it final here.
    private async Task InvokeReport(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.Request.GetArgument(0) is IReadOnlyList<ExecutionReport> reports)
        {
            foreach (var report in reports.Where(r => r.Kind is not ExecutionKind.Accepted))
            {
                Entry(report.ClientOrderId).TrySetResult();
            }
        }
    }

    private TaskCompletionSource Entry(string clientOrderId) =>
        _final.GetOrAdd(clientOrderId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
