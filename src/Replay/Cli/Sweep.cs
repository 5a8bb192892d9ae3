using System.Globalization;
using System.Text;
using AriaPro.Cli;
using AriaPro.Cli.Commands;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Replay.Cli;

/// <summary>
/// A sweep: one replay per combination of the <c>--param</c> values, in parallel up to the cores,
/// each with its whole report in <c>--out/NAME=VALUE</c>, then one comparison table: <c>sweep.csv</c>
/// beside them and the same table on the terminal.
/// </summary>
internal static class Sweep
{
    /// <summary>The comparison table's file, in the sweep's folder.</summary>
    public const string TableFileName = "sweep.csv";

    /// <summary>Runs the sweep; returns the exit code.</summary>
    public static async Task<int> RunAsync(CliApp app, ReplayOptions template, IReadOnlyList<IReadOnlyDictionary<string, string>> runs, bool json, CancellationToken cancellationToken)
    {
        var results = new ReplayResult[runs.Count];
        using var cores = new SemaphoreSlim(Environment.ProcessorCount);
        try
        {
            await ProgressDisplay.StartAsync(json ? app.Context.Error : app.Context.Out, async progress =>
            {
                await Task.WhenAll(runs.Select(async (run, index) =>
                {
                    var label = ReplayParameters.Label(run);
                    var task = progress?.AddTask(Markup.Escape(label), maxValue: 1);
                    await cores.WaitAsync(cancellationToken);
                    try
                    {
                        var options = template.ForRun(Path.Combine(template.OutputDirectory, label), run.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal));
                        results[index] = await ReplayRunner.RunAsync(options, ProgressDisplay.For(task), cancellationToken);
                        await ReplayReport.WriteAsync(results[index], options.OutputDirectory, options.FontPath, cancellationToken);
                        task?.Value = task.MaxValue;
                    }
                    finally
                    {
                        cores.Release();
                    }
                }));
                return true;
            });
        }
        catch (ReplayException failure)
        {
            throw new CliException(ExitCodes.Refused, failure.Message);
        }

        var rows = runs.Select((run, i) => Row(ReplayParameters.Label(run), results[i])).ToList();
        var table = Path.Combine(template.OutputDirectory, TableFileName);
        await File.WriteAllTextAsync(table, Csv(rows), new UTF8Encoding(false), cancellationToken);
        if (json)
        {
            CliOutput.Json(app.Context.Out, new { Table = Path.GetFullPath(table), Runs = rows });
            return ExitCodes.Ok;
        }

        var view = new Table { Title = new TableTitle($"Sweep of {results[0].Symbol} ({results[0].Source}), {rows.Count} runs") };
        foreach (var column in new[] { "Run", "Final equity", "Sharpe", "Max drawdown", "Orders" })
        {
            view.AddColumn(column);
        }

        foreach (var row in rows)
        {
            view.AddRow(CliOutput.Text(row.Run), CliOutput.Number(row.Equity), CliOutput.Number(row.Sharpe), CliOutput.Percent(row.MaxDrawdown),
                row.Orders.ToString(CultureInfo.InvariantCulture));
        }

        app.Context.Out.Write(view);
        app.Context.Out.MarkupLine($"[grey]wrote {CliOutput.Text(Path.GetFullPath(table))}[/]");
        return ExitCodes.Ok;
    }

    private static SweepRow Row(string run, ReplayResult result) =>
        new(run, result.Samples[^1].Equity, result.Risk.Metrics.Sharpe, result.Samples.Max(s => s.Drawdown), result.Orders.Count);

    private static string Csv(IEnumerable<SweepRow> rows)
    {
        var csv = new StringBuilder("run,final_equity,sharpe,max_drawdown,orders\n");
        foreach (var row in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Run},{row.Equity},{row.Sharpe?.ToString("R", CultureInfo.InvariantCulture) ?? ""},{row.MaxDrawdown.ToString("R", CultureInfo.InvariantCulture)},{row.Orders}\n");
        }

        return csv.ToString();
    }

    /// <summary>One run of the comparison table.</summary>
    internal sealed record SweepRow(string Run, decimal Equity, double? Sharpe, double MaxDrawdown, int Orders);
}
