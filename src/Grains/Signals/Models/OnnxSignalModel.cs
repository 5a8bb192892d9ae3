using System.Security.Cryptography;
using System.Text.Json;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Features;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// A signal model served from an ONNX graph (exported by <c>tools/ModelTrainer</c>) described by a
/// JSON sidecar. One row per prediction, one intra-op thread: the cost is the fixed per-call cost of
/// OnnxRuntime, a few microseconds. Thread-safe: <see cref="InferenceSession"/>.Run may be called
/// concurrently, and the native session is freed only once no prediction runs on it (see
/// <see cref="Dispose"/>).
/// </summary>
public sealed class OnnxSignalModel : ISignalModel, IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly long[] _inputShape;
    private readonly ReferenceCount _references;

    private OnnxSignalModel(OnnxModelSidecar sidecar, string modelPath, InferenceSession session, string sha256, string sidecarSha256)
    {
        Sidecar = sidecar;
        ModelPath = modelPath;
        Sha256 = sha256;
        SidecarSha256 = sidecarSha256;
        _session = session;
        _references = new(() =>
        {
            session.Dispose();
            _runOptions.Dispose();
        });
        _inputNames = [sidecar.Input];
        _outputNames = [sidecar.Output];
        _inputShape = [1, sidecar.Features.Count];
    }

    /// <inheritdoc />
    public string Id => Sidecar.Id;

    /// <inheritdoc />
    public string Version => Sidecar.Version;

    /// <inheritdoc />
    public IReadOnlyList<string> Features => Sidecar.Features;

    /// <inheritdoc />
    public int BarsNeeded => Sidecar.BarsNeeded;

    /// <summary>The sidecar the model was loaded from.</summary>
    public OnnxModelSidecar Sidecar { get; }

    /// <summary>Full path of the <c>.onnx</c> file.</summary>
    public string ModelPath { get; }

    /// <summary>SHA-256 (lower-case hex) of the <c>.onnx</c> bytes the session was built from.</summary>
    public string Sha256 { get; }

    /// <summary>SHA-256 (lower-case hex) of the sidecar bytes the model was described by.</summary>
    public string SidecarSha256 { get; }

    /// <summary>True once the native session is freed: disposed, and no prediction running on it.</summary>
    public bool IsDisposed => _references.IsFreed;

    /// <summary>
    /// Reads the sidecar at <paramref name="sidecarJsonPath"/> and opens the <c>.onnx</c> of the same
    /// name next to it; throws <see cref="InvalidDataException"/> when the sidecar or the graph is wrong.
    /// </summary>
    public static OnnxSignalModel Load(string sidecarJsonPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sidecarJsonPath);
        var sidecarPath = Path.GetFullPath(sidecarJsonPath);
        var sidecarBytes = File.ReadAllBytes(sidecarPath);
        var sidecar = ReadSidecar(sidecarPath, sidecarBytes);
        var modelPath = Path.ChangeExtension(sidecarPath, ".onnx");
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"The ONNX model '{modelPath}' for sidecar '{sidecarPath}' does not exist.", modelPath);
        }

        // The session is built from the very bytes that are hashed, so the hash names what runs
        // even if the file is replaced while it loads.
        var modelBytes = File.ReadAllBytes(modelPath);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        InferenceSession session;
        try
        {
            session = new InferenceSession(modelBytes, options);
        }
        catch (OnnxRuntimeException ex)
        {
            // Built from bytes, OnnxRuntime's message names no file: name it for the operator.
            throw new InvalidDataException($"The ONNX model '{modelPath}' could not be loaded: {ex.Message}", ex);
        }

        try
        {
            CheckGraph(sidecar, session, modelPath);
            return new OnnxSignalModel(sidecar, modelPath, session, Hash(modelBytes), Hash(sidecarBytes));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads every <c>*.json</c> sidecar in <paramref name="directory"/> that has a <c>.onnx</c> of
    /// the same name (other JSON files are ignored). A bad sidecar or graph becomes an error in the
    /// result instead of failing the others; a missing directory throws.
    /// </summary>
    public static OnnxModelLoadResult LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The model directory '{Path.GetFullPath(directory)}' does not exist.");
        }

        var models = new List<OnnxSignalModel>();
        var errors = new List<OnnxModelLoadError>();
        foreach (var sidecarPath in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.ChangeExtension(sidecarPath, ".onnx")))
            {
                continue;
            }

            try
            {
                models.Add(Load(sidecarPath));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or OnnxRuntimeException)
            {
                errors.Add(new OnnxModelLoadError(Path.GetFullPath(sidecarPath), ex.Message));
            }
        }

        var duplicates = models.GroupBy(m => m.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        foreach (var duplicate in duplicates)
        {
            // Two files claiming one id would fight over one model grain: keep the first by file name.
            foreach (var extra in duplicate.Skip(1))
            {
                errors.Add(new OnnxModelLoadError(Path.ChangeExtension(extra.ModelPath, ".json"), $"model id '{extra.Id}' is already loaded from '{duplicate.First().ModelPath}'"));
                models.Remove(extra);
                extra.Dispose();
            }
        }

        return new OnnxModelLoadResult(models, errors);
    }

    /// <inheritdoc />
    public ModelPrediction Predict(IReadOnlyList<Bar> bars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        cancellationToken.ThrowIfCancellationRequested();
        if (bars.Count < BarsNeeded)
        {
            return ModelPrediction.Waiting($"needs {BarsNeeded} bars, has {bars.Count}");
        }

        if (!_references.TryEnter())
        {
            return ModelPrediction.Waiting($"model {Id} v{Version} was retired by a model reload");
        }

        try
        {
            var features = OnnxFeatures.Compute(bars, Features);
            using var input = OrtValue.CreateTensorValueFromMemory(features, _inputShape);
            using var outputs = _session.Run(_runOptions, _inputNames, [input], _outputNames);
            return new ModelPrediction(outputs[0].GetTensorDataAsSpan<float>()[0]);
        }
        finally
        {
            _references.Exit();
        }
    }

    /// <summary>
    /// Retires the model: it takes no new prediction, and the native session is freed when the
    /// last running one ends (at once when none runs). A model grain may have abandoned a
    /// prediction to its timeout; that call still owns the session until it returns.
    /// </summary>
    public void Dispose() => _references.Retire();

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>, as the model manifest records it.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static OnnxModelSidecar ReadSidecar(string path, byte[] bytes)
    {
        OnnxModelSidecar? sidecar;
        try
        {
            // The stream overload skips a UTF-8 byte order mark, as File.ReadAllText did.
            using var json = new MemoryStream(bytes, writable: false);
            sidecar = JsonSerializer.Deserialize<OnnxModelSidecar>(json, OnnxModelSidecar.JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The model sidecar '{path}' is not valid: {ex.Message}", ex);
        }

        if (sidecar is null)
        {
            throw new InvalidDataException($"The model sidecar '{path}' is empty (null).");
        }

        var problem = sidecar switch
        {
            { Id: var id } when string.IsNullOrWhiteSpace(id) => "'id' is empty",
            { Version: var version } when string.IsNullOrWhiteSpace(version) => "'version' is empty",
            { Input: var input } when string.IsNullOrWhiteSpace(input) => "'input' is empty",
            { Output: var output } when string.IsNullOrWhiteSpace(output) => "'output' is empty",
            { Features: null or { Count: 0 } } => "'features' is empty",
            { OutputKind: var kind } when kind != OnnxModelSidecar.ProbabilityKind => $"'outputKind' is '{kind}'; only '{OnnxModelSidecar.ProbabilityKind}' is supported",
            { BarsNeeded: < 1 } => "'barsNeeded' must be at least 1",
            _ => sidecar.Features.FirstOrDefault(f => !FeatureSet.Names.Contains(f)) is { } unknown
                ? $"feature '{unknown}' is unknown; known: {string.Join(", ", FeatureSet.Names)}"
                : null,
        };
        return problem is null ? sidecar : throw new InvalidDataException($"The model sidecar '{path}' is not valid: {problem}.");
    }

    private static void CheckGraph(OnnxModelSidecar sidecar, InferenceSession session, string modelPath)
    {
        if (!session.InputMetadata.TryGetValue(sidecar.Input, out var input))
        {
            throw new InvalidDataException($"The ONNX model '{modelPath}' has no input '{sidecar.Input}'; it has {string.Join(", ", session.InputMetadata.Keys)}.");
        }

        if (session.InputMetadata.Count != 1)
        {
            throw new InvalidDataException($"The ONNX model '{modelPath}' needs inputs {string.Join(", ", session.InputMetadata.Keys)}; only one ('{sidecar.Input}') is supplied.");
        }

        if (input.ElementDataType != TensorElementType.Float || input.Dimensions.Length != 2 || input.Dimensions[1] != sidecar.Features.Count)
        {
            throw new InvalidDataException($"The ONNX model '{modelPath}' input '{sidecar.Input}' is {input.ElementDataType}[{string.Join(", ", input.Dimensions)}]; the sidecar needs Float[-1, {sidecar.Features.Count}].");
        }

        // ML.NET exports the probability as a float tensor; a graph that answers with a sequence of
        // maps (scikit-learn's ZipMap) is refused here rather than misread later.
        if (!session.OutputMetadata.TryGetValue(sidecar.Output, out var output))
        {
            throw new InvalidDataException($"The ONNX model '{modelPath}' has no output '{sidecar.Output}'; it has {string.Join(", ", session.OutputMetadata.Keys)}.");
        }

        if (output.OnnxValueType != OnnxValueType.ONNX_TYPE_TENSOR || output.ElementDataType != TensorElementType.Float)
        {
            throw new InvalidDataException($"The ONNX model '{modelPath}' output '{sidecar.Output}' is {output.OnnxValueType}/{output.ElementDataType}; a float tensor is needed.");
        }
    }
}
