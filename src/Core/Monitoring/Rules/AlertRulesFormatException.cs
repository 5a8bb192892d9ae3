namespace AriaPro.Core.Monitoring.Rules;

/// <summary>A bad value in alerts.json; the message is the one line <see cref="AlertRules.TryParse"/> reports.</summary>
internal sealed class AlertRulesFormatException(string message) : Exception(message);
