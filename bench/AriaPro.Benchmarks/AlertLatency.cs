using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Monitoring;
using AriaPro.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Benchmarks;

/// <summary>
/// From an instrument update to the alert: a whole embedded silo with one rule on a histogram
/// (latest value at least 1, no duration), each run recording 1 on a series of its own; the clock
/// stops when the alert manager hands the firing alert to the notifiers, after persisting it. The
/// path: meter listener, metric store, the evaluator's fast path, one evaluation round, the
/// report to the alert manager grain, its write to (memory) storage.
/// Usage: dotnet run -c Release --project bench/AriaPro.Benchmarks -- alert-latency [runs]
/// </summary>
internal static class AlertLatency
{
    private const string Rules = """
        { "rules": [ { "id": "bench-trigger", "summary": "bench {run}", "metric": "aria.bench.trigger", "aggregation": "last",
          "window": "0s", "comparison": ">=", "threshold": 1, "for": "0s", "severity": "info", "cooldown": "0s" } ] }
        """;

    private const int Series = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var rulesFile = Path.Combine(Path.GetTempPath(), $"aria-bench-alerts-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(rulesFile, Rules);
        var settings = BenchSettings.Load(new Dictionary<string, string?> { ["ARIA_ALERT_RULES"] = rulesFile });
        if (settings is null)
        {
            return 2;
        }

        var notifier = new AwaitingNotifier();
        await using var app = AriaProHost.Build(settings, services: s => s.AddSingleton<IAlertNotifier>(notifier));
        await app.StartAsync();
        var trigger = app.Services.GetRequiredService<IMeterFactory>().Create(AriaMetrics.MeterName)
            .CreateHistogram<double>("aria.bench.trigger");

        // Each run's condition stops holding once it has fired (the next round resolves it), and
        // the runs take turns on 50 series, so the silo holds as many series and firing alerts as a
        // busy one, not one more for every run.
        var result = await LatencyRecorder.MeasureAsync("instrument update -> firing alert handed to the notifiers", async run =>
        {
            // Warm-up runs (negative) have series of their own: two runs in a row never share one,
            // since a condition that goes off and on again between two rounds never resolved.
            var series = run < 0 ? $"w{-run % Series}" : (run % Series).ToString(CultureInfo.InvariantCulture);
            var tag = new KeyValuePair<string, object?>("run", series);
            var raised = notifier.Expect(series);
            trigger.Record(1, tag);
            await raised.WaitAsync(TimeSpan.FromSeconds(30));
            trigger.Record(0, tag);
        }, warmup: Math.Max(100, count / 10), count);

        // The platform's floor in the same run: a no-op grain call through the silo's own client.
        var desk = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ITradingDeskGrain>(0);
        var baseline = await LatencyRecorder.MeasureAsync("no-op grain call (baseline: ITradingDeskGrain.GetSymbols)", _ => desk.GetSymbols(), Math.Max(100, count / 10), count);

        Console.WriteLine($"Alert latency on one embedded silo, {count} alerts, microseconds:");
        Console.WriteLine("| path | runs | p50 | p90 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(baseline);
        Console.WriteLine(result);
        await app.StopAsync();
        File.Delete(rulesFile);
        return 0;
    }


    // Completes the waiter of a run when its firing alert is notified.
    private sealed class AwaitingNotifier : IAlertNotifier
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

        public Task Expect(string run) =>
            _waiting.GetOrAdd(run, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public void Notify(Alert alert)
        {
            if (alert.State == AlertState.Firing && alert.Labels.TryGetValue("run", out var run) && _waiting.TryRemove(run, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }
}
