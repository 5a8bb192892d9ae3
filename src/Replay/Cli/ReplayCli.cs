using System.CommandLine;
using System.Globalization;
using AriaPro.Cli;
using AriaPro.Cli.Commands;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Replay.Cli;

/// <summary>
/// <c>aria-replay</c>: historical bars through the real pipeline in an in-process silo, then the
/// report (<see cref="ReplayRunner"/>, <see cref="ReplayReport"/>). It needs no running silo. It is a
/// program of its own, on aria's command-line host, so that <c>aria</c> carries no silo.
/// </summary>
public static class ReplayCli
{
    /// <summary>The name the manual and the error lines use.</summary>
    public const string Name = "aria-replay";

    /// <summary>The program: its one command and its manual.</summary>
    internal static CliProgram Program { get; } = new()
    {
        Name = Name,
        Root = BuildRoot,
        ExitCodes =
        [
            (ExitCodes.Ok, "the report was written"),
            (ExitCodes.Refused, "the replay could not run: the file is missing or unreadable, the range holds no bars, the folder cannot be written"),
            (ExitCodes.Usage, "bad command line: unknown option, missing or unreadable value"),
            (ExitCodes.Interrupted, "interrupted by Ctrl+C"),
        ],
        Examples =
        [
            "aria-replay --csv ../shared/data/eurusd-daily-2005-2018.csv --out replay-out",
            "aria-replay --csv eurusd.csv --from 2017-01-01 --to 2017-12-31 --seed 7 --reject-rate 0.1 --out replay-2017",
            "aria-replay generate --symbols EURUSD --bars 1m --from 2023-01-01 --to 2023-12-31 --seed 7 --out bars",
            "aria-replay --csv eurusd.csv --from 2017-01-01 --param ARIA_AUTOTRADE_LOTS=0.5,1,2 --out sweep",
            "aria-replay --csv bars/eurusd-1m-seed7.csv --csv bars/gbpusd-1m-seed7.csv --from 2023-06-01 --out portfolio",
        ],
        Closing = "Errors are one line on standard error, starting \"aria-replay:\". docs/REPLAY.md explains the report.",
    };

    /// <summary>Runs one command line in <paramref name="context"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default) =>
        CommandLineHost.RunAsync(Program, args, context, cancellationToken);

    /// <summary>The command tree, with the manual's help.</summary>
    internal static RootCommand Build(CliApp app) => CommandLineHost.Build(app);

    private static RootCommand BuildRoot(CliApp app)
    {
        var csv = new Option<string[]>("--csv")
        {
            Description = "CSV file of bars (Date,Open,High,Low,Close; time in UTC), or a folder of them. Give it once per pair to replay " +
                "several pairs in one portfolio, aligned on time; each file's name names its pair (gbpusd-1m-seed7.csv)",
            HelpName = "file",
            Required = true,
        };
        var output = new Option<string>("--out") { Description = "Folder the report is written to (created; files in it are replaced)", HelpName = "dir", Required = true };
        var symbol = new Option<string?>("--symbol") { Description = "The pair the bars of a single file price [default: from the file name, else EURUSD]", HelpName = "symbol" };
        var from = Parsers.Day("--from", "First day traded, yyyy-MM-dd; earlier bars only warm the models up [default: the first bar]");
        var to = Parsers.Day("--to", "Last day traded, yyyy-MM-dd [default: the last bar]");
        var seed = new Option<int>("--seed") { Description = "Seed of the paper broker's random draws", HelpName = "n", DefaultValueFactory = _ => ReplayOptions.DefaultSeed };
        var rejects = new Option<double>("--reject-rate") { Description = "Share of orders the paper broker rejects, 0 to 1, drawn from the seed [default: 0]", HelpName = "share" };
        var models = new Option<string?>("--models") { Description = "Folder of ONNX signal models [default: the models shipped with aria]", HelpName = "dir" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "An AriaPro variable for the replayed silo, NAME=VALUE; several values (NAME=0.5,1,2) or several --param make a sweep: " +
                "one replay per combination, in parallel up to the cores, each into --out/NAME=VALUE, and a comparison table (sweep.csv)",
            HelpName = "NAME=VALUES",
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of a table, for scripts (the progress goes to standard error)" };
        var command = new RootCommand(
            "aria-replay - replay historical bars through the real pipeline, as fast as the machine allows, in an in-process silo: market data, " +
            "the signal models and their fusion, the auto-trader's orders through every pre-trade check, the paper broker and the risk " +
            "grain, with trading time following the bars. Writes to --out a self-contained report.html, PNG charts (equity, drawdown, " +
            "positions, per-model accuracy), the risk table as risk.json (the same metrics as /trading/risk/metrics) and the orders as " +
            "orders.csv. The same file, range and seed give byte-identical files. It runs its own silo: no login and no running silo.")
        {
            csv, output, symbol, from, to, seed, rejects, models, parameters, json,
        };
        command.Subcommands.Add(GenerateCommand.Create(app));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ReplayOptions
            {
                CsvPaths = parse.GetValue(csv) ?? [],
                OutputDirectory = parse.GetValue(output)!,
                Symbol = parse.GetValue(symbol),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Seed = parse.GetValue(seed),
                PaperRejectRate = parse.GetValue(rejects),
                ModelsDirectory = parse.GetValue(models),
            };
            IReadOnlyList<IReadOnlyDictionary<string, string>> runs;
            try
            {
                runs = ReplayParameters.Runs([.. (parse.GetValue(parameters) ?? []).Select(ReplayParameters.Parse)]);
            }
            catch (ReplayException bad)
            {
                throw new CliException(ExitCodes.Usage, bad.Message);
            }

            if (runs.Count > 1)
            {
                return await Sweep.RunAsync(app, options, runs, parse.GetValue(json), cancellationToken);
            }

            options.Variables = runs[0].ToDictionary(p => p.Key, p => (string?)p.Value);
            return await ReplayAsync(app, options, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ReplayAsync(CliApp app, ReplayOptions options, bool json, CancellationToken cancellationToken)
    {
        // With --json standard output carries only the JSON; the progress bar goes to standard error.
        var console = app.Context.Out;
        ReplayResult result;
        IReadOnlyList<string> files;
        try
        {
            result = await ProgressDisplay.StartAsync(json ? app.Context.Error : console, async progress =>
            {
                var task = progress?.AddTask("Replaying", maxValue: 1);
                var replayed = await ReplayRunner.RunAsync(options, ProgressDisplay.For(task), cancellationToken);
                task?.Value = task.MaxValue;
                return replayed;
            });
            files = await ReplayReport.WriteAsync(result, options.OutputDirectory, options.FontPath, cancellationToken);
        }
        catch (ReplayException failure)
        {
            throw new CliException(ExitCodes.Refused, failure.Message);
        }

        if (json)
        {
            CliOutput.Json(console, new { result.Symbol, result.Source, result.Seed, result.Bars, Orders = result.Orders.Count, result.BarsPerSecond, Files = files });
            return ExitCodes.Ok;
        }

        var last = result.Samples[^1];
        console.Write(CliOutput.Properties($"Replay of {result.Symbol} ({result.Source})",
            ("Bars", string.Create(CultureInfo.InvariantCulture, $"{result.Bars} ({result.From:yyyy-MM-dd} to {result.To:yyyy-MM-dd}), {result.WarmupBars} of warm-up")),
            ("Orders", result.Orders.Count.ToString(CultureInfo.InvariantCulture)),
            ("Final equity", CliOutput.Number(last.Equity)),
            ("Max drawdown", CliOutput.Percent(result.Samples.Max(s => s.Drawdown))),
            ("Seed", result.Seed.ToString(CultureInfo.InvariantCulture)),
            ("Speed", string.Create(CultureInfo.InvariantCulture, $"{result.BarsPerSecond:0} bars/s")),
            ("Report", CliOutput.Text(Path.GetFullPath(Path.Combine(options.OutputDirectory, ReplayReport.HtmlFileName))))));
        foreach (var file in files)
        {
            console.MarkupLine($"[grey]wrote {CliOutput.Text(file)}[/]");
        }

        return ExitCodes.Ok;
    }
}
