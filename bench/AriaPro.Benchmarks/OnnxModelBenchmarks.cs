using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Models;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.ML.OnnxRuntime;
using Perfolizer.Mathematics.OutlierDetection;

namespace AriaPro.Benchmarks;

/// <summary>
/// One prediction of the shipped ONNX model (models/eurusd-direction) through
/// <see cref="OnnxSignalModel.Predict"/>, features included, against a bare
/// <see cref="InferenceSession"/>.Run on the same prepared input. Besides the job given on the
/// command line, a per-call job times single invocations so that P95/P99 are per-call latencies
/// rather than percentiles of iteration means. Not sealed: BenchmarkDotNet derives from it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallConfig))]
public class OnnxModelBenchmarks
{
    private const int WindowBars = 200;

    private OnnxSignalModel _model = null!;
    private InferenceSession _session = null!;
    private RunOptions _runOptions = null!;
    private OrtValue _input = null!;
    private string[] _inputNames = [];
    private string[] _outputNames = [];
    private Bar[] _bars = [];

    [GlobalSetup]
    public void Setup()
    {
        var sidecar = Path.Combine(FindRepoRoot(), "models", "eurusd-direction.json");
        _model = OnnxSignalModel.Load(sidecar);
        _bars = RandomWalk(WindowBars);

        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(_model.ModelPath, options);
        _runOptions = new RunOptions();
        _input = OrtValue.CreateTensorValueFromMemory(OnnxFeatures.Compute(_bars, _model.Features), [1, _model.Features.Count]);
        _inputNames = [_model.Sidecar.Input];
        _outputNames = [_model.Sidecar.Output];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _input.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _model.Dispose();
    }

    /// <summary>The served path: 8 features from 200 bars, a pinned input, one Run, the answer.</summary>
    [Benchmark]
    public double Predict() => _model.Predict(_bars, CancellationToken.None).ProbabilityUp;

    /// <summary>OnnxRuntime alone: one Run of the same graph on an input prepared once.</summary>
    [Benchmark(Baseline = true)]
    public float SessionRun()
    {
        using var outputs = _session.Run(_runOptions, _inputNames, [_input], _outputNames);
        return outputs[0].GetTensorDataAsSpan<float>()[0];
    }

    private static Bar[] RandomWalk(int count)
    {
        var random = new Random(200);
        var bars = new Bar[count];
        var close = 1.1000m;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Round(open * (1m + (decimal)((random.NextDouble() - 0.5) * 0.01)), 5);
            var high = Math.Max(open, close) + 0.0010m;
            var low = Math.Min(open, close) - 0.0010m;
            bars[i] = new Bar(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i), open, high, low, close, 0m);
        }

        return bars;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AriaPro.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds AriaPro.sln.");
    }

    /// <summary>Adds P95/P99 columns and a job of single timed calls with every outlier kept.</summary>
    private sealed class PerCallConfig : ManualConfig
    {
        public PerCallConfig()
        {
            AddColumn(StatisticColumn.P95, new P99Column());
            AddJob(Job.Default
                .WithId("PerCall")
                .WithStrategy(RunStrategy.Monitoring)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithLaunchCount(1)
                .WithWarmupCount(200)
                .WithIterationCount(5000)
                .WithOutlierMode(OutlierMode.DontRemove));
        }
    }

    /// <summary>99th percentile of the measurements, in microseconds.</summary>
    private sealed class P99Column : IColumn
    {
        public string Id => "P99us";

        public string ColumnName => "P99 (us)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 100;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "99th percentile of the measurements, in microseconds";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } statistics
                ? (statistics.Percentiles.Percentile(99) / 1000.0).ToString("0.000", style.CultureInfo)
                : "NA";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
