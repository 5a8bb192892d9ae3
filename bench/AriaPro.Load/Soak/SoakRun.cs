using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AriaPro.Load.Running;
using AriaPro.Load.Targets;
using AriaPro.Silo.Hosting;

namespace AriaPro.Load.Soak;

/// <summary>
/// The silo's memory while it trades by itself: one silo process in embedded mode with N symbols
/// auto-trading (synthetic feed, signal models, paper broker), its working set sampled every few
/// seconds. Growth is from the first sample after the warm-up to the last one.
/// </summary>
public static class SoakRun
{
    /// <summary>Seconds after the silo is ready before the first sample that growth is measured from.</summary>
    public const double WarmupSeconds = 30;

    /// <summary>Analysis interval the auto-traders start from, so 30 symbols trade within the soak.</summary>
    public const int AnalysisSeconds = 5;

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output, TextWriter progress)
    {
        var symbols = SymbolSet.First(options.Symbols);
        var environment = SiloEnvironment.For(symbols, LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(), autoTrade: true, redis: null, masterKey: null);
        environment["AI_BASE_ANALYSIS_INTERVAL"] = AnalysisSeconds.ToString(CultureInfo.InvariantCulture);
        var loadAtStart = LoadAverage.Read();
        await using var silo = SiloProcess.Start(environment, options.SiloLog);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await silo.WaitReadyAsync(http);
        await progress.WriteLineAsync($"silo process {silo.Id} ready with {symbols.Count} symbols auto-trading (analysis every {AnalysisSeconds} s); warm-up {WarmupSeconds:F0} s, then {options.Minutes:F1} min sampled every {options.SampleSeconds:F0} s");
        await Task.Delay(TimeSpan.FromSeconds(WarmupSeconds));

        var samples = new List<(double Seconds, long Bytes)>();
        var clock = Stopwatch.StartNew();
        var total = TimeSpan.FromMinutes(options.Minutes);
        var step = TimeSpan.FromSeconds(options.SampleSeconds);
        for (var next = TimeSpan.Zero; next <= total; next += step)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var bytes = silo.WorkingSet();
            samples.Add((clock.Elapsed.TotalSeconds, bytes));
            await progress.WriteLineAsync($"{clock.Elapsed.TotalSeconds,6:F0} s  working set {Mb(bytes):F1} MB");
        }

        var first = samples[0].Bytes;
        var last = samples[^1].Bytes;
        var max = samples.Max(s => s.Bytes);
        var growth = (double)(last - first) / first;
        var loadAtEnd = LoadAverage.Read();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"""
            soak: one silo process, embedded mode, {symbols.Count} symbols auto-trading, {options.Minutes:F1} min after a {WarmupSeconds:F0} s warm-up, {samples.Count} samples
            | working set at start | at end | max | growth |
            |---:|---:|---:|---:|
            | {Mb(first):F1} MB | {Mb(last):F1} MB | {Mb(max):F1} MB | {growth:P1} |
            load average at start {string.Join(' ', loadAtStart ?? [])}, at end {string.Join(' ', loadAtEnd ?? [])}
            """));
        if (options.JsonFile is not null)
        {
            await using var file = File.Create(options.JsonFile);
            await JsonSerializer.SerializeAsync(file, new
            {
                symbols = symbols.Count,
                minutes = options.Minutes,
                warmupSeconds = WarmupSeconds,
                analysisSeconds = AnalysisSeconds,
                startBytes = first,
                endBytes = last,
                maxBytes = max,
                growth,
                loadAverageAtStart = loadAtStart,
                loadAverageAtEnd = loadAtEnd,
                samples = samples.Select(s => new { seconds = s.Seconds, bytes = s.Bytes }),
            }, new JsonSerializerOptions { WriteIndented = true });
        }

        return 0;
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
