using System.Diagnostics;
using System.Globalization;
using AriaPro.Load.Operations;
using AriaPro.Load.Reporting;
using AriaPro.Load.Targets;

namespace AriaPro.Load.Running;

/// <summary>
/// A whole run: start or reach the target, then for each operation a warm-up, the saturation probe
/// (closed loop at the concurrency cap) and open-loop steps at fractions of the throughput it
/// found, or one open-loop step at a given rate; baselines first, so each row can be compared with
/// its baseline's saturation throughput measured minutes earlier in the same process.
/// </summary>
public static class LoadRun
{
    /// <summary>How long a step waits for calls still in flight after its last send.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output, TextWriter progress)
    {
        var symbols = SymbolSet.First(options.Symbols);
        var runId = $"{Environment.ProcessId.ToString("x", CultureInfo.InvariantCulture)}{Stopwatch.GetTimestamp().ToString("x", CultureInfo.InvariantCulture)}";
        var load = LoadAverage.Read();
        await using var targets = await LoadTargets.StartAsync(options, symbols, runId, progress);
        var selected = targets.Operations
            .Where(o => options.Operations.Count == 0 || options.Operations.Contains(o.Name))
            .OrderBy(o => o.IsBaseline ? 0 : 1)
            .ThenBy(o => Array.IndexOf([.. OperationNames.All], o.Name))
            .ToList();
        if (selected.Count == 0)
        {
            await progress.WriteLineAsync("none of the operations asked for is supported by this target");
            return 1;
        }

        var results = new List<StepResult>();
        foreach (var operation in selected)
        {
            results.AddRange(await MeasureAsync(operation, options, progress));
        }

        var report = new LoadReport(targets.Description, options, load, LoadAverage.Read(), Environment.ProcessorCount, selected, results);
        await output.WriteLineAsync(ResultTable.Format(report));
        if (options.JsonFile is not null)
        {
            await JsonReport.WriteAsync(report, options.JsonFile);
            await progress.WriteLineAsync($"wrote {options.JsonFile}");
        }

        return 0;
    }

    private static async Task<List<StepResult>> MeasureAsync(LoadOperation operation, LoadOptions options, TextWriter progress)
    {
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);
        var steps = new List<StepResult>();
        if (options.WarmupSeconds > 0)
        {
            await progress.WriteLineAsync($"{operation.Key}: warm-up {options.WarmupSeconds:F0} s");
            await LoadRunner.ClosedLoopAsync(operation, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), "warm-up");
        }

        if (options.Rate is { } rate)
        {
            steps.Add(await Step(operation, rate, options, "fixed", progress));
            return steps;
        }

        var usage = ProcessUsage.Now();
        var saturation = await LoadRunner.ClosedLoopAsync(operation, options.Concurrency, duration, "saturation");
        saturation = saturation with { Usage = ProcessUsage.Now() - usage };
        steps.Add(saturation);
        await progress.WriteLineAsync($"{operation.Key}: saturation {saturation.Achieved:F0}/s at {options.Concurrency} in flight, p99 {saturation.Latency.P99} µs, {saturation.Errors} errors, {saturation.CpuMicrosPerCall:F0} CPU µs and {saturation.AllocatedKilobytesPerCall:F1} KB allocated a call, {saturation.Usage.Collections} GCs");
        if (saturation.Achieved <= 0)
        {
            return steps;
        }

        foreach (var fraction in options.Fractions)
        {
            steps.Add(await Step(operation, saturation.Achieved * fraction, options, fraction.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal), progress));
        }

        return steps;
    }

    private static async Task<StepResult> Step(LoadOperation operation, double rate, LoadOptions options, string label, TextWriter progress)
    {
        var usage = ProcessUsage.Now();
        var result = await LoadRunner.OpenLoopAsync(operation, new OpenLoopSchedule(rate, TimeSpan.FromSeconds(options.DurationSeconds)), options.Concurrency, DrainLimit, label);
        result = result with { Usage = ProcessUsage.Now() - usage };
        await progress.WriteLineAsync($"{operation.Key}: {label} offered {rate:F0}/s, achieved {result.Achieved:F0}/s, p50 {result.Latency.P50} µs, p99 {result.Latency.P99} µs, {result.Errors} errors, {result.CpuMicrosPerCall:F0} CPU µs and {result.AllocatedKilobytesPerCall:F1} KB allocated a call, {result.Usage.Collections} GCs");
        return result;
    }
}
