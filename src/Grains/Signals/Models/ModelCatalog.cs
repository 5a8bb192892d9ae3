using AriaPro.Grains.Interfaces.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// The models of this silo: the built-in ones, the ONNX models of the models folder (each with its
/// sidecar), and any extra models registered as <see cref="ISignalModel"/> services. The signal
/// grains fuse <see cref="SignalModels"/>; extra registered models can be run through their model
/// grains but are not part of the signal. The ONNX set starts as the folder holds it and then
/// follows the cluster's model manifest (<see cref="Apply"/>); it is an immutable snapshot swapped
/// whole, and a model that leaves it is disposed only once no prediction runs on it.
/// </summary>
public sealed partial class ModelCatalog : IDisposable
{
    private const string OnnxKind = "onnx";
    private readonly Dictionary<string, (ISignalModel Model, string Kind)> _fixed = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ISignalModel> _builtIn = [new TrendModel(), new MeanReversionModel(), new BreakoutModel()];
    private readonly Lock _applying = new();
    private readonly ILogger<ModelCatalog> _logger;
    private volatile CatalogSnapshot _current;

    public ModelCatalog(IOptions<ModelHealthOptions> options, IEnumerable<ISignalModel> extra, ILogger<ModelCatalog> logger)
    {
        _logger = logger;
        ModelsDirectory = options.Value.ModelsDirectory ?? DefaultModelsDirectory;
        foreach (var model in _builtIn)
        {
            _fixed[model.Id] = (model, "built-in");
        }

        foreach (var model in extra)
        {
            _fixed[model.Id] = (model, "registered");
        }

        var onnx = new Dictionary<string, OnnxSignalModel>(StringComparer.Ordinal);
        foreach (var model in OnnxModels.Load(ModelsDirectory, LogOnnxProblem))
        {
            if (_fixed.ContainsKey(model.Id))
            {
                LogOnnxProblem($"{model.ModelPath}: id '{model.Id}' belongs to a built-in or registered model");
                model.Dispose();
                continue;
            }

            onnx[model.Id] = model;
        }

        _current = Snapshot(onnx, 0, []);
        LogLoaded(string.Join(", ", SignalModels.Select(m => $"{m.Id} v{m.Version} ({Find(m.Id)!.Value.Kind})")));
    }

    /// <summary>Where the silo's own build puts the shipped models.</summary>
    public static string DefaultModelsDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>This silo's models folder (<c>ARIA_MODELS_DIR</c>).</summary>
    public string ModelsDirectory { get; }

    /// <summary>The models every signal fuses, as of now.</summary>
    public IReadOnlyList<ISignalModel> SignalModels => _current.SignalModels;

    /// <summary>Every model id this silo can run now.</summary>
    public IEnumerable<string> Ids => _fixed.Keys.Concat(_current.Onnx.Keys);

    /// <summary>The version of the model manifest this silo follows; 0 until it has applied one.</summary>
    public long ManifestVersion => _current.ManifestVersion;

    /// <summary>Models of the applied manifest this silo refused to serve, and why.</summary>
    public IReadOnlyList<RejectedModel> Refused => _current.Refused;

    /// <summary>The model with this id and its kind (<c>built-in</c>, <c>onnx</c>, <c>registered</c>), or null.</summary>
    public (ISignalModel Model, string Kind)? Find(string id) =>
        _fixed.TryGetValue(id, out var entry) ? entry
        : _current.Onnx.TryGetValue(id, out var onnx) ? (onnx, OnnxKind)
        : null;

    /// <summary>True for the ids of built-in and registered models, which no ONNX model may take.</summary>
    public bool IsReserved(string id) => _fixed.ContainsKey(id);

    /// <summary>
    /// Serves the ONNX models of <paramref name="manifest"/> from this silo's folder when it is newer
    /// than the one applied. A model whose files differ from the manifest's hashes, or that fails to
    /// load, is refused and logged as an error; the silo keeps its previous copy of that id, if any.
    /// A model already served with the manifest's hashes is kept as it is, without reloading.
    /// </summary>
    /// <returns>False when the manifest is not newer and nothing changed.</returns>
    public bool Apply(ModelManifest manifest)
    {
        using (_applying.EnterScope())
        {
            var previous = _current;
            if (manifest.Version <= previous.ManifestVersion)
            {
                return false;
            }

            var onnx = new Dictionary<string, OnnxSignalModel>(StringComparer.Ordinal);
            var refused = new List<RejectedModel>();
            foreach (var entry in manifest.Models)
            {
                var held = previous.Onnx.GetValueOrDefault(entry.Id);
                if (held is not null && Matches(held, entry))
                {
                    onnx[entry.Id] = held;
                    continue;
                }

                var (loaded, problem) = Load(entry);
                if (loaded is not null)
                {
                    onnx[entry.Id] = loaded;
                    continue;
                }

                refused.Add(new(entry.FileName, entry.Id, problem!));
                LogRefused(entry.Id, entry.Version, manifest.Version, problem!, held is null ? "none" : $"v{held.Version} ({held.Sha256})");
                if (held is not null)
                {
                    onnx[entry.Id] = held;
                }
            }

            _current = Snapshot(onnx, manifest.Version, refused);
            foreach (var retired in previous.Onnx.Values.Where(m => !onnx.ContainsValue(m)))
            {
                retired.Dispose();
            }

            LogApplied(manifest.Version, string.Join(", ", onnx.Values.Select(m => $"{m.Id} v{m.Version}")), refused.Count);
            return true;
        }
    }

    public void Dispose()
    {
        foreach (var (model, _) in _fixed.Values)
        {
            (model as IDisposable)?.Dispose();
        }

        foreach (var model in _current.Onnx.Values)
        {
            model.Dispose();
        }
    }

    private static bool Matches(OnnxSignalModel model, ManifestModel entry) =>
        model.Id == entry.Id && model.Version == entry.Version && model.Sha256 == entry.Sha256 && model.SidecarSha256 == entry.SidecarSha256;

    private (OnnxSignalModel? Model, string? Problem) Load(ManifestModel entry)
    {
        if (Path.GetFileName(entry.FileName) != entry.FileName || !entry.FileName.EndsWith(".onnx", StringComparison.Ordinal))
        {
            return (null, $"file name '{entry.FileName}' is not a .onnx file name");
        }

        OnnxSignalModel model;
        try
        {
            model = OnnxSignalModel.Load(Path.Combine(ModelsDirectory, Path.ChangeExtension(entry.FileName, ".json")));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, exception.Message);
        }

        if (Matches(model, entry))
        {
            return (model, null);
        }

        model.Dispose();
        return (null, $"the files in {ModelsDirectory} differ from the manifest: {model.Id} v{model.Version}, sha256 {model.Sha256}, " +
            $"sidecar sha256 {model.SidecarSha256}; the manifest has {entry.Id} v{entry.Version}, sha256 {entry.Sha256}, sidecar sha256 {entry.SidecarSha256}");
    }

    private CatalogSnapshot Snapshot(Dictionary<string, OnnxSignalModel> onnx, long manifestVersion, IReadOnlyList<RejectedModel> refused) =>
        new(onnx, [.. _builtIn, .. onnx.Values.OrderBy(m => m.Id, StringComparer.Ordinal)], manifestVersion, refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal models: {Models}")]
    private partial void LogLoaded(string models);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ONNX model skipped: {Problem}")]
    private partial void LogOnnxProblem(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {ModelId} v{Version} of model manifest {ManifestVersion} refused on this silo: {Problem}; still serving: {Kept}")]
    private partial void LogRefused(string modelId, string version, long manifestVersion, string problem, string kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model manifest {ManifestVersion} applied: ONNX models {Models}; {Refused} refused")]
    private partial void LogApplied(long manifestVersion, string models, int refused);
}
