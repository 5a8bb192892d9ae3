using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

internal sealed partial class AlertDeliveryQueue
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} ({State}) delivered by {Channel} on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string channel, string alertId, AlertState state, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} ({State}) by {Channel}: attempt {Attempt} failed ({Reason}); trying again in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string channel, string alertId, AlertState state, int attempt, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} of rule {RuleId} ({State}) was refused by {Channel} on attempt {Attempt} ({Reason}); not trying again")]
    private static partial void LogRefused(ILogger logger, string channel, string alertId, string ruleId, AlertState state, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} of rule {RuleId} ({State}) was not delivered by {Channel} after {Attempt} attempts ({Reason}); giving up")]
    private static partial void LogGaveUp(ILogger logger, string channel, string alertId, string ruleId, AlertState state, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} queue is full ({Capacity}): dropped the oldest alert {AlertId} of rule {RuleId} ({State}); {Dropped} dropped so far")]
    private static partial void LogDropped(ILogger logger, string channel, string alertId, string ruleId, AlertState state, int capacity, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: alert {AlertId} of rule {RuleId} ({State}) was not delivered by {Channel}")]
    private static partial void LogAbandoned(ILogger logger, string channel, string alertId, string ruleId, AlertState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Channel} delivery loop failed; its queued alerts are not delivered")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, string channel);
}
