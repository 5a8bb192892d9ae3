using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Trading;

public sealed partial class TraderGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No market data for {Symbol}; using the maximum order timeout")]
    private partial void LogNoMarketData(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk budget check for {Symbol} failed; denying")]
    private partial void LogRiskUnavailable(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report the {Symbol} position to the risk grain")]
    private partial void LogPositionNotReported(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broker refused {ClientOrderId} on {Symbol}")]
    private partial void LogBrokerError(Exception exception, string clientOrderId, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send a cancel for {ClientOrderId} on {Symbol} to the broker")]
    private partial void LogCancelNotSent(Exception exception, string clientOrderId, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling {ClientOrderId} on {Symbol} with the broker after activation: stored as {Status}, {Remaining} lots unfilled")]
    private partial void LogReconciling(string clientOrderId, string symbol, string status, decimal remaining);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reconcile {ClientOrderId} on {Symbol} with the broker; its timeout or a later report settles it")]
    private partial void LogReconcileFailed(Exception exception, string clientOrderId, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not archive the finished order {ClientOrderId} on {Symbol}; the trader keeps it and sends it again")]
    private partial void LogArchiveFailed(Exception exception, string clientOrderId, string symbol);
}
