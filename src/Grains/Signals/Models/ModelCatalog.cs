using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// The models of this silo: the built-in ones, the ONNX models of the models folder (each with its
/// sidecar), and any extra models registered as <see cref="ISignalModel"/> services. The signal
/// grains fuse <see cref="SignalModels"/>; extra registered models can be run through their model
/// grains but are not part of the signal.
/// </summary>
public sealed partial class ModelCatalog : IDisposable
{
    private readonly Dictionary<string, (ISignalModel Model, string Kind)> _all = new(StringComparer.Ordinal);
    private readonly ILogger<ModelCatalog> _logger;

    public ModelCatalog(IOptions<ModelHealthOptions> options, IEnumerable<ISignalModel> extra, ILogger<ModelCatalog> logger)
    {
        _logger = logger;
        var signal = new List<ISignalModel> { new TrendModel(), new MeanReversionModel(), new BreakoutModel() };
        foreach (var model in signal)
        {
            _all[model.Id] = (model, "built-in");
        }

        foreach (var model in LoadOnnx(options.Value.ModelsDirectory ?? DefaultModelsDirectory))
        {
            signal.Add(model);
            _all[model.Id] = (model, "onnx");
        }

        foreach (var model in extra)
        {
            _all[model.Id] = (model, "registered");
        }

        SignalModels = signal;
        LogLoaded(string.Join(", ", signal.Select(m => $"{m.Id} v{m.Version} ({_all[m.Id].Kind})")));
    }

    /// <summary>Where the silo's own build puts the shipped models.</summary>
    public static string DefaultModelsDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The models every signal fuses.</summary>
    public IReadOnlyList<ISignalModel> SignalModels { get; }

    /// <summary>Every model id this silo can run.</summary>
    public IEnumerable<string> Ids => _all.Keys;

    /// <summary>The model with this id and its kind, or null.</summary>
    public (ISignalModel Model, string Kind)? Find(string id) => _all.TryGetValue(id, out var entry) ? entry : null;

    public void Dispose()
    {
        foreach (var (model, _) in _all.Values)
        {
            (model as IDisposable)?.Dispose();
        }
    }

    private IEnumerable<ISignalModel> LoadOnnx(string directory) => OnnxModels.Load(directory, LogOnnxProblem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal models: {Models}")]
    private partial void LogLoaded(string models);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ONNX model skipped: {Problem}")]
    private partial void LogOnnxProblem(string problem);
}
