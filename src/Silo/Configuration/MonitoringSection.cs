using System.Net.Mail;
using AriaPro.Silo.Monitoring;
using AriaPro.Core.Monitoring.Rules;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads monitoring, SMTP alert delivery and the alert webhook.</summary>
internal static class MonitoringSection
{
    public static MonitoringOptions Read(EnvironmentReader reader)
    {
        var options = new MonitoringOptions();
        options.Enabled = reader.GetBool(AriaVariables.MonitoringEnabled, options.Enabled);
        options.EmailEnabled = reader.GetBool(AriaVariables.AlertEmailEnabled, options.EmailEnabled);
        options.SmtpHost = reader.Get<string?>(AriaVariables.AlertSmtpHost, null, TryParseHost);
        options.SmtpPort = reader.GetPort(AriaVariables.AlertSmtpPort, options.SmtpPort);
        options.SmtpUser = reader.GetRaw(AriaVariables.AlertSmtpUser);
        options.SmtpPassword = reader.GetRaw(AriaVariables.AlertSmtpPassword);
        options.SmtpFrom = reader.Get<string?>(AriaVariables.AlertSmtpFrom, null, TryParseAddress);
        options.SmtpTo = ReadRecipients(reader);
        options.WebhookUrl = reader.Get<Uri?>(AriaVariables.AlertWebhookUrl, null, HttpUrlParser.TryParse);
        ReadRules(reader, options);

        if (options.EmailEnabled)
        {
            RequireWhenEmailEnabled(reader, AriaVariables.AlertSmtpHost);
            RequireWhenEmailEnabled(reader, AriaVariables.AlertSmtpFrom);
            RequireWhenEmailEnabled(reader, AriaVariables.AlertSmtpTo);
        }

        return options;
    }

    // A rules file that cannot be read or has one bad rule stops start-up: running with fewer
    // alerts than the operator wrote down would fail silently when it matters.
    private static void ReadRules(EnvironmentReader reader, MonitoringOptions options)
    {
        if (reader.GetRaw(AriaVariables.AlertRules) is not { } path)
        {
            return;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            reader.AddValueError(AriaVariables.AlertRules, path, $"cannot be read: {exception.Message}");
            return;
        }

        if (AlertRules.TryParse(json, out var rules, out var error))
        {
            options.RulesPath = path;
            options.Rules = rules;
        }
        else
        {
            reader.AddValueError(AriaVariables.AlertRules, path, error);
        }
    }

    private static void RequireWhenEmailEnabled(EnvironmentReader reader, string name)
    {
        if (reader.GetRaw(name) is null)
        {
            reader.AddError(name, $"is required when {AriaVariables.AlertEmailEnabled} is on");
        }
    }

    private static List<string> ReadRecipients(EnvironmentReader reader)
    {
        var raw = reader.GetRaw(AriaVariables.AlertSmtpTo);
        if (raw is null)
        {
            return [];
        }

        var recipients = new List<string>();
        var entries = raw.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0)
            {
                reader.AddValueError(AriaVariables.AlertSmtpTo, raw, $"entry {i + 1} is empty");
            }
            else if (!TryParseAddress(entry, out _, out var problem))
            {
                reader.AddValueError(AriaVariables.AlertSmtpTo, raw, $"'{entry}' {problem}");
            }
            else
            {
                recipients.Add(entry);
            }
        }

        return recipients;
    }

    private static bool TryParseHost(string raw, out string? host, out string problem)
    {
        problem = "is not a host name or IP address";
        host = raw;
        return Uri.CheckHostName(raw) != UriHostNameType.Unknown;
    }

    private static bool TryParseAddress(string raw, out string? address, out string problem)
    {
        problem = "is not an e-mail address";
        address = raw;
        return MailAddress.TryCreate(raw, out _);
    }
}
