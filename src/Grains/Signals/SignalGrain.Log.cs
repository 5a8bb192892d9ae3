using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Signals;

public sealed partial class SignalGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-trader {Symbol} started: analysis every {IntervalSeconds}s, {Lots} lots")]
    private partial void LogStarted(string symbol, double intervalSeconds, decimal lots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Symbol}: P(up) {Probability:F3}, target {Target}, position {Position}: {Action}; next analysis in {IntervalSeconds:F0}s")]
    private partial void LogSignal(string symbol, double probability, decimal target, decimal position, string action, double intervalSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signal analysis for {Symbol} failed")]
    private partial void LogFailed(Exception exception, string symbol);
}
