using Microsoft.ML;
using Microsoft.ML.Data;

namespace AriaPro.Models.Tests;

/// <summary>The ML.NET model the ONNX graph was exported from, run through its own PredictionEngine.</summary>
public sealed class MlNetReference
{
    private readonly PredictionEngine<Input, Output> _engine;

    /// <summary>Loads <paramref name="zipPath"/> for rows of <paramref name="featureCount"/> features.</summary>
    public MlNetReference(string zipPath, int featureCount)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(zipPath, out _);
        var schema = SchemaDefinition.Create(typeof(Input));
        schema[nameof(Input.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        _engine = ml.Model.CreatePredictionEngine<Input, Output>(model, inputSchemaDefinition: schema);
    }

    /// <summary>ML.NET's probability of an up move for one feature row.</summary>
    public float Probability(float[] features) => _engine.Predict(new Input { Features = features }).Probability;

    /// <summary>The model's input row.</summary>
    public sealed class Input
    {
        /// <summary>Features in the sidecar's order.</summary>
        public float[] Features { get; set; } = [];
    }

    /// <summary>The calibrated output.</summary>
    public sealed class Output
    {
        /// <summary>Probability of an up move.</summary>
        public float Probability { get; set; }
    }
}
