using System.CommandLine;
using AriaPro.Cli.Connection;
using AriaPro.Cli.Output;
using AriaPro.Grains.Interfaces.Monitoring;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria alerts [ack ID]</c>: firing and recent alerts, and acknowledging one (<c>/monitoring/alerts</c>).</summary>
internal sealed class AlertsCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var alerts = new Command("alerts",
            "List the firing alerts (newest first) and the recently resolved ones, with their severity, value, when they fired " +
            "and who acknowledged them. Needs the role viewer; aria alerts ack needs admin.");
        app.Run(alerts, async (session, _, cancellationToken) =>
        {
            var view = await session.Api.GetAlertsAsync(cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, view);
                return ExitCodes.Ok;
            }

            session.Out.Write(Table("Firing", view.Active));
            session.Out.Write(Table("Recently resolved", view.Recent));
            return ExitCodes.Ok;
        });
        alerts.Subcommands.Add(Acknowledge(app));
        return app.Examples(alerts, "aria alerts", "aria alerts ack 7c0f3a9e");
    }

    private static Command Acknowledge(CliApp app)
    {
        var id = new Argument<string>("alert-id") { Description = "The alert's id, as aria alerts lists it" };
        var command = new Command("ack",
            "Acknowledge an alert: it keeps firing until its condition clears, but it is marked as seen, by whom and when. Needs the role admin.")
        {
            id,
        };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            var alert = await session.Api.AcknowledgeAlertAsync(parse.GetValue(id)!, cancellationToken);
            Print(session, alert);
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria alerts ack 7c0f3a9e");
    }

    private static void Print(CliSession session, Alert alert)
    {
        if (session.Json)
        {
            CliOutput.Json(session.Out, alert);
            return;
        }

        session.Out.Write(CliOutput.Properties($"Alert {alert.Id}",
            ("Summary", CliOutput.Text(alert.Summary)),
            ("Severity", Styles.Severity(alert.Severity)),
            ("State", Styles.Alert(alert.State)),
            ("Rule", CliOutput.Text(alert.RuleId)),
            ("Fired", CliOutput.Time(alert.FiredAt)),
            ("Acknowledged", CliOutput.Time(alert.AcknowledgedAt)),
            ("Acknowledged by", CliOutput.Text(alert.AcknowledgedBy))));
    }

    private static Table Table(string title, IReadOnlyList<Alert> alerts)
    {
        var table = new Table { Title = new TableTitle(title) }.AddColumns("Id", "Severity", "State", "Summary", "Value", "Fired", "Seen", "Acknowledged by");
        foreach (var a in alerts)
        {
            table.AddRow(CliOutput.Text(a.Id), Styles.Severity(a.Severity), Styles.Alert(a.State), CliOutput.Text(a.Summary), CliOutput.Number(a.Value),
                CliOutput.Time(a.FiredAt), a.Occurrences.ToString(System.Globalization.CultureInfo.InvariantCulture), CliOutput.Text(a.AcknowledgedBy));
        }

        return table;
    }
}
