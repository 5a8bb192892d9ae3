using System.Diagnostics;
using System.Globalization;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Replay;
using AriaPro.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Benchmarks;

/// <summary>
/// The replay's speed on synthetic minute bars: after a warm-up run, a short input (a tenth of the
/// bars) and the long one, each through <see cref="ReplayRunner"/> exactly as aria-replay runs it (every bar traded),
/// then the report written. Prints bars/s overall, the marginal rate between the two (the steady
/// state), the start-up (to the first replayed bar), the peak working set, and the platform's
/// floor measured in the same process: sequential no-op grain calls on an embedded silo.
/// Usage: dotnet run -c Release --project bench/AriaPro.Benchmarks -- replay [bars] [symbols]
/// (default 1000000 bars over EURUSD; with several symbols the bars are split between them).
/// </summary>
internal static class ReplaySpeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var symbols = (args.Length > 1 ? args[1] : "EURUSD").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var folder = Directory.CreateTempSubdirectory("aria-bench-replay-").FullName;
        try
        {
            // A first, unreported run compiles the path, so the short one measures the steady state as the long one does.
            await Replay(folder, "warm-up", symbols, Math.Max(1440 * symbols.Length, total / 50));
            var shortRun = await Replay(folder, "short", symbols, total / 10);
            var longRun = await Replay(folder, "long", symbols, total);
            var marginal = (longRun.Bars - shortRun.Bars) / (longRun.Replay - shortRun.Replay).TotalSeconds;
            var noop = await NoOpCallsPerSecond();
            Console.WriteLine($"Replay of {string.Join(',', symbols)}, synthetic minute bars, every bar traded:");
            Console.WriteLine("| input | bars | steps | orders | start-up s | replay s | bars/s | report s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var run in new[] { shortRun, longRun })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run.Name} | {run.Bars:N0} | {run.Steps:N0} | {run.Orders:N0} | {run.StartUp.TotalSeconds:0.00} | {run.Replay.TotalSeconds:0.0} | {run.Bars / run.Replay.TotalSeconds:N0} | {run.Report.TotalSeconds:0.0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"marginal rate (long - short): {marginal:N0} bars/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline, sequential no-op grain calls (ITradingDeskGrain.GetSymbols) on an embedded silo: {noop:N0} per s"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Run> Replay(string folder, string name, string[] symbols, int bars)
    {
        // Whole weekdays of minute bars, starting on a Monday, split between the symbols.
        var days = (int)Math.Ceiling(bars / (double)symbols.Length / 1440);
        var from = new DateOnly(2019, 1, 7);
        var to = from;
        for (var weekdays = 1; weekdays < days; weekdays++)
        {
            do
            {
                to = to.AddDays(1);
            }
            while (to.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        }

        var files = new List<string>();
        foreach (var symbol in symbols)
        {
            var path = Path.Combine(folder, name, SyntheticBars.FileName(symbol, "1m", 7));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var writer = new StreamWriter(path))
            {
                SyntheticBars.Write(writer, symbol, SyntheticBars.Intervals["1m"], from, to, 7);
            }

            files.Add(path);
        }

        var output = Path.Combine(folder, name, "report");
        var started = Stopwatch.GetTimestamp();
        var progress = new FirstBar(started);
        var result = await ReplayRunner.RunAsync(new ReplayOptions { CsvPaths = files, OutputDirectory = output, Seed = 7 }, progress);
        var replay = Stopwatch.GetElapsedTime(started);
        var reportStarted = Stopwatch.GetTimestamp();
        await ReplayReport.WriteAsync(result, output);
        return new(name, result.Bars, result.Samples.Count, result.Orders.Count, progress.StartUp, replay, Stopwatch.GetElapsedTime(reportStarted));
    }

    private static async Task<double> NoOpCallsPerSecond()
    {
        var settings = BenchSettings.Load() ?? throw new InvalidOperationException("the bench silo's settings are invalid");
        await using var app = AriaProHost.Build(settings);
        await app.StartAsync();
        var desk = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ITradingDeskGrain>(0);
        for (var i = 0; i < 20_000; i++)
        {
            await desk.GetSymbols();
        }

        const int Calls = 100_000;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Calls; i++)
        {
            await desk.GetSymbols();
        }

        var rate = Calls / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await app.StopAsync();
        return rate;
    }

    private sealed record Run(string Name, int Bars, int Steps, int Orders, TimeSpan StartUp, TimeSpan Replay, TimeSpan Report);

    // The time from the call to the first replayed bar: building and starting the silo, reading the files.
    private sealed class FirstBar(long started) : IProgress<ReplayProgress>
    {
        public TimeSpan StartUp { get; private set; }

        public void Report(ReplayProgress value)
        {
            if (value.BarsDone > 0 && StartUp == TimeSpan.Zero)
            {
                StartUp = Stopwatch.GetElapsedTime(started);
            }
        }
    }
}
