using System.CommandLine;
using System.Globalization;
using AriaPro.Cli.Output;
using AriaPro.Grains.Interfaces.Http;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary>
/// <c>aria status</c>: readiness (<c>GET /health/ready</c>) and the system status
/// (<c>GET /monitoring/system/status</c>), both read into the facade's own wire records.
/// </summary>
internal sealed class StatusCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var command = new Command("status",
            "Show whether the silo is ready (cluster and, in cluster mode, Redis), this silo's CPU, memory and disk, the cluster's silos " +
            "and activations, every symbol's trading state and breaker, every model's breaker, and how many alerts are firing. " +
            "With --json prints {\"ready\": <health report>, \"system\": <system status>}. Needs the role viewer.");
        app.Run(command, async (session, _, cancellationToken) =>
        {
            var ready = await session.Api.GetReadinessAsync(cancellationToken);
            var system = await session.Api.GetSystemStatusAsync(cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, new StatusReport(ready, system));
                return ExitCodes.Ok;
            }

            var console = session.Out;
            console.MarkupLine($"Silo [bold]{CliOutput.Text(system.Silo)}[/] at {CliOutput.Time(system.Time)}: " +
                (ready.Status == "Healthy" ? "[green]ready[/]" : $"[red]not ready ({CliOutput.Text(ready.Status)})[/]"));
            foreach (var (name, check) in ready.Checks)
            {
                console.MarkupLine($"  {CliOutput.Text(name)}: {CliOutput.Text(check.Status)}{(check.Description is null ? string.Empty : $" ({CliOutput.Text(check.Description)})")}");
            }

            Resources(console, system.Resources);
            Cluster(console, system.Cluster);
            Guards(console, system);
            if (system.Alerts is { } alerts)
            {
                console.MarkupLine($"Alerts: {(alerts.Firing == 0 ? "[green]none firing[/]" : $"[red]{alerts.Firing} firing[/] ({alerts.Critical} critical, {alerts.Unacknowledged} unacknowledged)")}");
            }

            foreach (var error in system.Errors)
            {
                console.MarkupLine($"[yellow]Not read: {CliOutput.Text(error)}[/]");
            }

            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria status", "aria status --json | jq .ready.status");
    }

    // CPU, memory and disk as bars out of 100%.
    private static void Resources(IAnsiConsole console, ResourceSnapshot resources)
    {
        var chart = new BarChart { Label = "Resources (% of capacity)", MaxValue = 100, Width = 60 }
            .AddItem("CPU", Math.Round(resources.CpuFraction * 100, 1), Color.Aqua);
        if (resources.TotalAvailableMemoryBytes > 0)
        {
            chart.AddItem("Memory", Math.Round((double)resources.WorkingSetBytes / resources.TotalAvailableMemoryBytes * 100, 1), Color.Green);
        }

        if (resources is { DiskTotalBytes: > 0 and var total, DiskFreeBytes: { } free })
        {
            chart.AddItem("Disk", Math.Round((1 - (double)free / total) * 100, 1), Color.Yellow);
        }

        console.Write(chart);
    }

    private static void Cluster(IAnsiConsole console, ClusterStatus? cluster)
    {
        if (cluster is null)
        {
            return;
        }

        var table = new Table { Title = new TableTitle($"Cluster: {cluster.ActiveSilos} active silos, {cluster.TotalActivations} activations") }
            .AddColumns("Silo", "Address", "Status", "Started", "Activations", "CPU %");
        foreach (var silo in cluster.Silos)
        {
            var name = CliOutput.Text(silo.Name) + (silo.IsThisSilo ? " [grey](this)[/]" : string.Empty);
            table.AddRow(name, CliOutput.Text(silo.Address), silo.Status == "Active" ? "[green]Active[/]" : $"[yellow]{CliOutput.Text(silo.Status)}[/]",
                CliOutput.Time(silo.StartedAt), CliOutput.Text(silo.Activations?.ToString(CultureInfo.InvariantCulture)),
                CliOutput.Text(silo.CpuPercent?.ToString("0.##", CultureInfo.InvariantCulture)));
        }

        console.Write(table);
    }

    private static void Guards(IAnsiConsole console, SystemStatus system)
    {
        var traders = new Table { Title = new TableTitle("Symbols") }.AddColumns("Symbol", "Trading", "Breaker", "Failures", "Position / limit", "Working");
        foreach (var t in system.Traders)
        {
            traders.AddRow(CliOutput.Text(t.Symbol), Styles.Trading(t.TradingState), Styles.Breaker(t.Breaker),
                t.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture),
                $"{CliOutput.Number(t.Position)} / {CliOutput.Number(t.PositionLimit)}", t.WorkingOrders.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(traders);
        var models = new Table { Title = new TableTitle("Models") }.AddColumns("Model", "Breaker", "Success", "Reason");
        foreach (var m in system.Models)
        {
            models.AddRow(CliOutput.Text(m.Id), Styles.Breaker(m.Breaker), CliOutput.Percent(m.SuccessRate), CliOutput.Text(m.Reason));
        }

        console.Write(models);
    }

    // What --json prints: both answers, as the facade sent them.
    private sealed record StatusReport(HealthReportView Ready, SystemStatus System);
}
