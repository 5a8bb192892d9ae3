using System.Text.Json;
using System.Text.Json.Serialization;

namespace AriaPro.Load.Reporting;

/// <summary>Writes a run's report as indented JSON (latencies in microseconds, rates a second).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync(LoadReport report, string path)
    {
        var document = new
        {
            target = report.Target,
            durationSeconds = report.Options.DurationSeconds,
            concurrency = report.Options.Concurrency,
            symbols = report.Options.Symbols,
            processors = report.Processors,
            loadAverageAtStart = report.LoadAverageAtStart,
            loadAverageAtEnd = report.LoadAverageAtEnd,
            operations = report.Operations.Select(o => new { o.Name, o.Mode, o.Description, o.Baseline }),
            steps = report.Steps.Select(s =>
            {
                var (baseline, baselineRate, ratio) = report.Compare(s);
                return new
                {
                    s.Operation,
                    s.Mode,
                    s.Kind,
                    s.Label,
                    s.OfferedRate,
                    s.Concurrency,
                    s.Sent,
                    s.Succeeded,
                    s.Errors,
                    s.ErrorKinds,
                    s.ElapsedSeconds,
                    achieved = s.Achieved,
                    latencyMicros = s.Latency,
                    sendLagMicros = s.SendLag,
                    processCpuSeconds = s.Usage.CpuSeconds,
                    cpuMicrosPerCall = s.CpuMicrosPerCall,
                    allocatedBytes = s.Usage.AllocatedBytes,
                    allocatedKilobytesPerCall = s.AllocatedKilobytesPerCall,
                    collections = s.Usage.Collections,
                    baseline,
                    baselineSaturation = baselineRate,
                    ratioToBaseline = ratio,
                };
            }),
        };
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, Options);
    }
}
