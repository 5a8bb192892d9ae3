using System.Globalization;
using System.Text;
using AriaPro.Load.Running;

namespace AriaPro.Load.Reporting;

/// <summary>
/// The run as a Markdown table: one row per step, latencies in microseconds (from the intended send
/// time for fixed-rate rows), and on each saturation row the ratio of the operation's saturation
/// throughput to its platform baseline's. CPU µs/call is this process's CPU time over the calls
/// sent, and KB alloc/call the managed bytes it allocated over them: in embedded mode the silo's,
/// the client's and the generator's together.
/// </summary>
public static class ResultTable
{
    public const string Header =
        "| operation | mode | step | offered/s | achieved/s | p50 µs | p99 µs | p99.9 µs | max µs | errors | send lag p99 µs | CPU µs/call | KB alloc/call | baseline | baseline/s | ratio |";

    public static string Format(LoadReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"target: {report.Target}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"steps of {report.Options.DurationSeconds:F0} s, at most {report.Options.Concurrency} calls in flight, {report.Options.Symbols} symbols, {report.Processors} processors; " +
            $"load average at start {Load(report.LoadAverageAtStart)}, at end {Load(report.LoadAverageAtEnd)}");
        text.AppendLine();
        text.AppendLine(Header);
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var step in report.Steps)
        {
            text.AppendLine(Row(step, report.Compare(step), report.IsBaseline(step)));
        }

        var failed = report.Steps.Where(s => s.ErrorKinds.Count > 0).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine();
            foreach (var step in failed)
            {
                foreach (var (kind, error) in step.ErrorKinds)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"errors in {step.Mode}/{step.Operation} {step.Label}: {error.Count} x {kind}: {error.Example}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>One step as a table row.</summary>
    public static string Row(StepResult step, (string? Baseline, double? BaselineRate, double? Ratio) comparison, bool isBaseline) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {step.Operation} | {step.Mode} | {step.Label} | {(step.OfferedRate is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "closed loop")} " +
            $"| {step.Achieved:N0} | {step.Latency.P50:N0} | {step.Latency.P99:N0} | {step.Latency.P999:N0} | {step.Latency.Max:N0} | {step.Errors:N0} " +
            $"| {(step.SendLag is { } lag ? lag.P99.ToString("N0", CultureInfo.InvariantCulture) : "–")} " +
            $"| {step.CpuMicrosPerCall:N0} | {step.AllocatedKilobytesPerCall:N1} " +
            $"| {comparison.Baseline ?? (isBaseline ? "(baseline)" : "–")} | {(comparison.BaselineRate is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : "–")} " +
            $"| {(comparison.Ratio is { } x ? x.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal) : "–")} |");

    private static string Load(double[]? averages) =>
        averages is null ? "unknown" : string.Join(" ", averages.Select(a => a.ToString("F2", CultureInfo.InvariantCulture)));
}
