using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Trading;

public sealed partial class TraderGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId} {Side} {Quantity} {Symbol} {Type} submitted (timeout {TimeoutSeconds:F1}s, probe {IsProbe})")]
    private partial void LogSubmitted(string clientOrderId, string side, decimal quantity, string symbol, string type, double timeoutSeconds, bool isProbe);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} on {Symbol} denied: {Reason}")]
    private partial void LogDenied(string clientOrderId, string symbol, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId} on {Symbol} filled {Quantity} @ {Price}; position {Position}")]
    private partial void LogFilled(string clientOrderId, string symbol, decimal quantity, decimal price, decimal position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} on {Symbol} {Status}: {Reason}")]
    private partial void LogFailed(string clientOrderId, string symbol, string status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Late fill for {Status} order {ClientOrderId} on {Symbol}: {Quantity} @ {Price} applied to the position")]
    private partial void LogLateFill(string clientOrderId, string symbol, string status, decimal quantity, decimal price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution report {Kind} for unknown order {ClientOrderId} on {Symbol} ignored")]
    private partial void LogUnknownReport(string kind, string clientOrderId, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker {Symbol}: {From} -> {To} ({Reason})")]
    private partial void LogBreaker(string symbol, string from, string to, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading state {Symbol}: {From} -> {To} ({Reason})")]
    private partial void LogTradingState(string symbol, string from, string to, string reason);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a repeated fill for {ClientOrderId} on {Symbol} (execution {ExecutionId}): already booked")]
    private partial void LogRepeatedFill(string clientOrderId, string symbol, string executionId);
}
