using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AriaPro.Cli.Output;
using AriaPro.Grains.Interfaces.Trading;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary>
/// <c>aria status</c>: readiness (<c>GET /health/ready</c>) and the system status
/// (<c>GET /monitoring/system/status</c>). Both are read as JSON: the readiness report is an
/// object the facade builds, and the status record lives in the silo, not in the SDK.
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
                CliOutput.Json(session.Out, new { ready, system });
                return ExitCodes.Ok;
            }

            var console = session.Out;
            var readiness = Str(ready, "status");
            console.MarkupLine($"Silo [bold]{CliOutput.Text(Str(system, "silo"))}[/] at {CliOutput.Time(system.GetProperty("time").GetDateTimeOffset())}: " +
                (readiness == "Healthy" ? "[green]ready[/]" : $"[red]not ready ({CliOutput.Text(readiness)})[/]"));
            if (ready.TryGetProperty("checks", out var checks))
            {
                foreach (var check in checks.EnumerateObject())
                {
                    var description = Str(check.Value, "description");
                    console.MarkupLine($"  {CliOutput.Text(check.Name)}: {CliOutput.Text(Str(check.Value, "status"))}{(description is null ? string.Empty : $" ({CliOutput.Text(description)})")}");
                }
            }

            Resources(console, system.GetProperty("resources"));
            Cluster(console, system);
            Guards(console, system);
            if (system.TryGetProperty("alerts", out var alerts))
            {
                var firing = alerts.GetProperty("firing").GetInt32();
                console.MarkupLine($"Alerts: {(firing == 0 ? "[green]none firing[/]" : $"[red]{firing} firing[/] ({alerts.GetProperty("critical").GetInt32()} critical, {alerts.GetProperty("unacknowledged").GetInt32()} unacknowledged)")}");
            }

            foreach (var error in system.GetProperty("errors").EnumerateArray())
            {
                console.MarkupLine($"[yellow]Not read: {CliOutput.Text(error.GetString())}[/]");
            }

            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria status", "aria status --json | jq .ready.status");
    }

    // CPU, memory and disk as bars out of 100%.
    private static void Resources(IAnsiConsole console, JsonElement resources)
    {
        var chart = new BarChart { Label = "Resources (% of capacity)", MaxValue = 100, Width = 60 }
            .AddItem("CPU", Math.Round(resources.GetProperty("cpuFraction").GetDouble() * 100, 1), Color.Aqua);
        var memory = resources.GetProperty("workingSetBytes").GetDouble();
        var available = resources.GetProperty("totalAvailableMemoryBytes").GetDouble();
        if (available > 0)
        {
            chart.AddItem("Memory", Math.Round(memory / available * 100, 1), Color.Green);
        }

        if (resources.TryGetProperty("diskTotalBytes", out var total) && resources.TryGetProperty("diskFreeBytes", out var free) && total.GetDouble() > 0)
        {
            chart.AddItem("Disk", Math.Round((1 - free.GetDouble() / total.GetDouble()) * 100, 1), Color.Yellow);
        }

        console.Write(chart);
    }

    private static void Cluster(IAnsiConsole console, JsonElement system)
    {
        if (!system.TryGetProperty("cluster", out var cluster))
        {
            return;
        }

        var table = new Table { Title = new TableTitle($"Cluster: {cluster.GetProperty("activeSilos").GetInt32()} active silos, {cluster.GetProperty("totalActivations").GetInt32()} activations") }
            .AddColumns("Silo", "Address", "Status", "Started", "Activations", "CPU %");
        foreach (var silo in cluster.GetProperty("silos").EnumerateArray())
        {
            var name = CliOutput.Text(Str(silo, "name")) + (silo.GetProperty("isThisSilo").GetBoolean() ? " [grey](this)[/]" : string.Empty);
            var status = Str(silo, "status");
            table.AddRow(name, CliOutput.Text(Str(silo, "address")), status == "Active" ? "[green]Active[/]" : $"[yellow]{CliOutput.Text(status)}[/]",
                CliOutput.Time(silo.GetProperty("startedAt").GetDateTimeOffset()), CliOutput.Text(Raw(silo, "activations")), CliOutput.Text(Raw(silo, "cpuPercent")));
        }

        console.Write(table);
    }

    private static void Guards(IAnsiConsole console, JsonElement system)
    {
        var traders = new Table { Title = new TableTitle("Symbols") }.AddColumns("Symbol", "Trading", "Breaker", "Failures", "Position / limit", "Working");
        foreach (var t in system.GetProperty("traders").EnumerateArray())
        {
            traders.AddRow(CliOutput.Text(Str(t, "symbol")), Enum.Parse<TradingState>(Str(t, "tradingState")!) is var state ? Styles.Trading(state) : CliOutput.None,
                Styles.Breaker(Enum.Parse<CircuitState>(Str(t, "breaker")!)), CliOutput.Text(Raw(t, "consecutiveFailures")),
                $"{CliOutput.Text(Raw(t, "position"))} / {CliOutput.Text(Raw(t, "positionLimit"))}", CliOutput.Text(Raw(t, "workingOrders")));
        }

        console.Write(traders);
        var models = new Table { Title = new TableTitle("Models") }.AddColumns("Model", "Breaker", "Success", "Reason");
        foreach (var m in system.GetProperty("models").EnumerateArray())
        {
            var success = m.TryGetProperty("successRate", out var rate) ? CliOutput.Percent(rate.GetDouble()) : CliOutput.None;
            models.AddRow(CliOutput.Text(Str(m, "id")), Styles.Breaker(Enum.Parse<CircuitState>(Str(m, "breaker")!)), success, CliOutput.Text(Str(m, "reason")));
        }

        console.Write(models);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Raw(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("0.##", CultureInfo.InvariantCulture) : value.ToString()
            : null;
}
