using AriaPro.Core.Monitoring.Rules;

namespace AriaPro.Silo.Monitoring;

/// <summary>Monitoring and alert delivery (<c>MONITORING_ENABLED</c>, <c>ALERT_*</c>).</summary>
public sealed class MonitoringOptions
{
    /// <summary>Whether metrics, anomaly detection and alerts run (<c>MONITORING_ENABLED</c>).</summary>
    /// <value>The default value is true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether alerts are e-mailed (<c>ALERT_EMAIL_ENABLED</c>).</summary>
    /// <value>The default value is false.</value>
    public bool EmailEnabled { get; set; }

    /// <summary>SMTP host (<c>ALERT_SMTP_HOST</c>); required when e-mail is enabled.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>SMTP port (<c>ALERT_SMTP_PORT</c>).</summary>
    /// <value>The default value is 25.</value>
    public int SmtpPort { get; set; } = 25;

    /// <summary>SMTP user (<c>ALERT_SMTP_USER</c>).</summary>
    public string? SmtpUser { get; set; }

    /// <summary>SMTP password (<c>ALERT_SMTP_PASSWORD</c>).</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>Sender address (<c>ALERT_SMTP_FROM</c>).</summary>
    public string? SmtpFrom { get; set; }

    /// <summary>Recipient addresses (<c>ALERT_SMTP_TO</c>, comma separated).</summary>
    public List<string> SmtpTo { get; set; } = [];

    /// <summary>Where every alert is POSTed as JSON (<c>ALERT_WEBHOOK_URL</c>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The alert rules file (<c>ARIA_ALERT_RULES</c>); null for the built-in rules (deploy/alerts.json).</summary>
    public string? RulesPath { get; set; }

    /// <summary>The threshold and anomaly rules in force.</summary>
    public AlertRules Rules { get; set; } = AlertRules.Defaults;
}
