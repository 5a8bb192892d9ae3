using Microsoft.Extensions.Logging;

namespace AriaPro.Core.Trading;

public sealed partial class OrderBook
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a repeated fill for {ClientOrderId} on {Symbol} (execution {ExecutionId}): already booked")]
    private partial void LogRepeatedFill(string clientOrderId, string symbol, string executionId);
}
