using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Brokers;

public sealed partial class PaperBroker
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Paper broker ready: latency {LatencyMs} ms, reject rate {RejectRate}, slippage {SlippagePips} pips")]
    private partial void LogReady(double latencyMs, double rejectRate, decimal slippagePips);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Paper fill {Symbol} {ClientOrderId}: {Side} {Quantity} @ {Price}")]
    private partial void LogFilled(string symbol, string clientOrderId, string side, decimal quantity, decimal price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paper broker rejected {Symbol} {ClientOrderId}: {Reason}")]
    private partial void LogRejected(string symbol, string clientOrderId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Paper broker failed on {Symbol} {ClientOrderId}")]
    private partial void LogFailed(Exception exception, string symbol, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Paper broker gave up delivering a {Kind} report for {Symbol} {ClientOrderId}; the trader reconciles the order when it is next activated")]
    private partial void LogUndelivered(Exception exception, string kind, string symbol, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Paper broker limit-order matching failed")]
    private partial void LogMatchingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paper broker will deliver the {Kind} report for {Symbol} {ClientOrderId} again (attempt {Attempt}, in {DelaySeconds} s): {Error}")]
    private partial void LogRedelivering(string kind, string symbol, string clientOrderId, int attempt, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paper broker took up {Symbol} {ClientOrderId} again ({Type}, {Quantity} lots unfilled): its trader was reactivated, and this venue {Why}")]
    private partial void LogTakenUp(string symbol, string clientOrderId, string type, decimal quantity, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper broker answered {Symbol} {ClientOrderId} from its record: {Kind} again, as it was before the restart")]
    private partial void LogAnsweredFromRecord(string symbol, string clientOrderId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Paper broker could not record the end of {Symbol} {ClientOrderId}; its reports go out all the same")]
    private partial void LogRecordFailed(Exception exception, string symbol, string clientOrderId);
}
