using System.CommandLine;
using System.Globalization;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria models</c>: every signal model's health (<c>GET /ai/models</c>).</summary>
internal sealed class ModelsCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var command = new Command("models",
            "Show every signal model's breaker, success rate and latency over its window, accuracy, and why it is off if it is; " +
            "then each symbol's current analysis interval and the model manifest version. Needs the role viewer.");
        app.Run(command, async (session, _, cancellationToken) =>
        {
            var models = await session.Api.GetModelsAsync(cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, models);
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle($"Models (manifest {models.ManifestVersion})") }
                .AddColumns("Model", "Version", "Kind", "Breaker", "Success", "p50 ms", "p95 ms", "p99 ms", "Inferences", "Accuracy", "Reason");
            foreach (var m in models.Models)
            {
                table.AddRow(CliOutput.Text(m.Id), CliOutput.Text(m.Version), CliOutput.Text(m.Kind), Styles.Breaker(m.State), CliOutput.Percent(m.SuccessRate),
                    Milliseconds(m.LatencyP50Ms), Milliseconds(m.LatencyP95Ms), Milliseconds(m.LatencyP99Ms),
                    $"{m.Inferences}/{m.WindowSize}", CliOutput.Percent(m.Accuracy), CliOutput.Text(m.Reason ?? m.NotReady));
            }

            session.Out.Write(table);
            var intervals = new Table { Title = new TableTitle("Analysis interval") }.AddColumns("Symbol", "Seconds");
            foreach (var (symbol, seconds) in models.AnalysisIntervalSeconds.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                intervals.AddRow(CliOutput.Text(symbol), seconds.ToString("0.#", CultureInfo.InvariantCulture));
            }

            session.Out.Write(intervals);
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria models");
    }

    private static string Milliseconds(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : CliOutput.None;
}
