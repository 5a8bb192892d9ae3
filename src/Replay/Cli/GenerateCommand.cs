using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AriaPro.Cli;
using AriaPro.Cli.Commands;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Replay.Cli;

/// <summary>
/// <c>aria-replay generate</c>: long inputs drawn from the synthetic feed (<see cref="SyntheticBars"/>),
/// one CSV file per pair, for measuring the replay on millions of bars with no data to ship.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>The command, its options and its action.</summary>
    public static Command Create(CliApp app)
    {
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated pairs, such as EURUSD,GBPUSD", HelpName = "list", Required = true };
        var bars = new Option<string>("--bars")
        {
            Description = $"The bar interval: {string.Join(", ", SyntheticBars.Intervals.Keys)}",
            HelpName = "interval",
            DefaultValueFactory = _ => "1m",
        };
        var from = Parsers.Day("--from", "First day, yyyy-MM-dd (UTC)");
        from.Required = true;
        var to = Parsers.Day("--to", "Last day, yyyy-MM-dd (UTC), included");
        to.Required = true;
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic walk; each pair draws from its own stream of it", HelpName = "n", DefaultValueFactory = _ => ReplayOptions.DefaultSeed };
        var output = new Option<string>("--out") { Description = "Folder the files are written to (created; a file of the same name is replaced)", HelpName = "dir", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the files and their bar counts as JSON, for scripts" };
        var command = new Command("generate",
            "Write synthetic bars as CSV files to replay: one file per pair (pair-interval-seedN.csv), drawn from the synthetic feed the silo " +
            "trades live, on weekdays (UTC). The same pairs, interval, range and seed give byte-identical files; memory stays flat with the length.")
        {
            symbols, bars, from, to, seed, output, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pairs = Pairs(parse.GetValue(symbols)!);
            var name = parse.GetValue(bars)!;
            if (!SyntheticBars.Intervals.TryGetValue(name, out var interval))
            {
                throw new CliException(ExitCodes.Usage, $"--bars must be one of {string.Join(", ", SyntheticBars.Intervals.Keys)}, not '{name}'");
            }

            var (first, last, draw) = (parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, parse.GetValue(seed));
            try
            {
                ReplayInput.CheckRange(first, last);
            }
            catch (ReplayException empty)
            {
                throw new CliException(ExitCodes.Usage, empty.Message);
            }

            var directory = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var files = new List<(string Path, long Bars)>();
            var clock = Stopwatch.StartNew();
            foreach (var pair in pairs)
            {
                var path = Path.Combine(directory, SyntheticBars.FileName(pair, name, draw));
                await using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16))
                {
                    files.Add((path, SyntheticBars.Write(writer, pair, interval, first, last, draw)));
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            if (parse.GetValue(json))
            {
                CliOutput.Json(app.Context.Out, files.Select(f => new { File = f.Path, f.Bars }));
                return ExitCodes.Ok;
            }

            foreach (var (path, count) in files)
            {
                app.Context.Out.MarkupLine(CliOutput.Text(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({count:N0} bars)")));
            }

            app.Context.Out.MarkupLine($"[grey]{files.Sum(f => f.Bars).ToString("N0", CultureInfo.InvariantCulture)} bars in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s[/]");
            return ExitCodes.Ok;
        });
        return app.Examples(command,
            "aria-replay generate --symbols EURUSD,GBPUSD --bars 1m --from 2019-01-01 --to 2023-12-31 --seed 7 --out bars",
            "aria-replay --csv bars/eurusd-1m-seed7.csv --from 2023-01-01 --out replay-2023");
    }

    // Every pair is checked before any file is written: a bad one is one usage line and no files.
    private static IReadOnlyList<string> Pairs(string list)
    {
        var pairs = new List<string>();
        foreach (var text in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string pair;
            try
            {
                pair = ReplayInput.KnownPair(text);
            }
            catch (ReplayException unknown)
            {
                throw new CliException(ExitCodes.Usage, $"--symbols: {unknown.Message}");
            }

            if (!pairs.Contains(pair, StringComparer.Ordinal))
            {
                pairs.Add(pair);
            }
        }

        return pairs.Count > 0 ? pairs : throw new CliException(ExitCodes.Usage, "--symbols names no pair; give one or more, such as EURUSD,GBPUSD");
    }
}
