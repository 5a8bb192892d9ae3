using System.Text.Json;
using System.Text.Json.Serialization;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// The JSON file shipped next to an ONNX model (<c>name.json</c> beside <c>name.onnx</c>): what the
/// graph expects and how it was made. The trainer writes it and <see cref="OnnxSignalModel"/> reads it.
/// </summary>
public sealed record OnnxModelSidecar
{
    /// <summary>The only output kind served: the graph's output is the probability of an up move.</summary>
    public const string ProbabilityKind = "probability";

    /// <summary>camelCase JSON, indented so the committed file diffs well.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Model id, the model grain's key.</summary>
    public required string Id { get; init; }

    /// <summary>Version of the weights.</summary>
    public required string Version { get; init; }

    /// <summary>Feature names (see <see cref="Features.FeatureSet"/>) in the graph's input order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Name of the graph's float input of shape [rows, features].</summary>
    public required string Input { get; init; }

    /// <summary>Name of the graph output read as the prediction.</summary>
    public required string Output { get; init; }

    /// <summary>What the output holds; only <see cref="ProbabilityKind"/> is supported.</summary>
    public required string OutputKind { get; init; }

    /// <summary>Bars needed for one prediction.</summary>
    public required int BarsNeeded { get; init; }

    /// <summary>The data the model was trained on, for the record.</summary>
    public string? TrainedOn { get; init; }

    /// <summary>The command that rebuilds the model, for the record.</summary>
    public string? Command { get; init; }
}
