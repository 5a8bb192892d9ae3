using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

public sealed partial class AlertNotifier
{
    [LoggerMessage(Message = "Alert {State} {Severity}: {Summary} (rule {RuleId}, value {Value}, threshold {Threshold}, band {Band}, detector {Detector}, labels {Labels}, alert {AlertId})")]
    private partial void LogAlertLine(LogLevel level, AlertState state, AlertSeverity severity, string summary, string ruleId, double value, double? threshold, string? band, string detector, string labels, string alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} of rule {RuleId} ({State}) was not queued for {Channel}: notifications have stopped")]
    private partial void LogNotQueued(string channel, string alertId, string ruleId, AlertState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifying alert {AlertId} failed")]
    private partial void LogNotifyFailed(Exception exception, string alertId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert notifications started: {Channels}")]
    private partial void LogStarted(string channels);
}
