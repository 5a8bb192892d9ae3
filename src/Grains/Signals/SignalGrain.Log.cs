using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Signals;

public sealed partial class SignalGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-trader {Symbol} started: analysis every {IntervalSeconds}s, {Lots} lots")]
    private partial void LogStarted(string symbol, double intervalSeconds, decimal lots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Symbol}: score {Score:F3}, target {Target}, position {Position}: {Action}")]
    private partial void LogSignal(string symbol, double score, decimal target, decimal position, string action);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signal analysis for {Symbol} failed")]
    private partial void LogFailed(Exception exception, string symbol);
}
