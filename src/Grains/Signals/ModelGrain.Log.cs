using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Signals;

public sealed partial class ModelGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} on {Symbol}: {Outcome} ({Message})")]
    private partial void LogFailed(string modelId, string symbol, string outcome, string? message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model circuit breaker {ModelId}: {From} -> {To} ({Reason})")]
    private partial void LogBreaker(string modelId, string from, string to, string reason);
}
