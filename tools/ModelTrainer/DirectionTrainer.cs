using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AriaPro.ModelTrainer;

/// <summary>
/// Trains the next-day direction model: mean-variance normalisation and SDCA logistic regression,
/// single-threaded with a fixed seed so a rerun gives the same weights.
/// </summary>
public sealed class DirectionTrainer(int featureCount)
{
    /// <summary>Seed of every random choice ML.NET makes.</summary>
    public const int Seed = 1;

    /// <summary>Share of the days, oldest first, used for training; the rest is the test.</summary>
    public const double TrainShare = 0.8;

    private readonly MLContext _ml = new(seed: Seed);

    /// <summary>Fits the pipeline on <paramref name="rows"/>.</summary>
    public ITransformer Train(IEnumerable<TrainingRow> rows)
    {
        var pipeline = _ml.Transforms.NormalizeMeanVariance(nameof(TrainingRow.Features))
            .Append(_ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(TrainingRow.Label),
                FeatureColumnName = nameof(TrainingRow.Features),
                // One thread: SDCA's updates are then in a fixed order and the weights repeat exactly.
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 100,
            }));
        return pipeline.Fit(Schemas.Load(_ml, rows, featureCount));
    }

    /// <summary>Accuracy and AUC of <paramref name="model"/> on <paramref name="rows"/>.</summary>
    public (double Accuracy, double Auc) Evaluate(ITransformer model, IEnumerable<TrainingRow> rows)
    {
        var metrics = _ml.BinaryClassification.Evaluate(model.Transform(Schemas.Load(_ml, rows, featureCount)), nameof(TrainingRow.Label));
        return (metrics.Accuracy, metrics.AreaUnderRocCurve);
    }

    /// <summary>Writes the ML.NET model (zip) and its ONNX export; the export sees the feature column only.</summary>
    public void Save(ITransformer model, string mlnetPath, string onnxPath)
    {
        // A view with only Features: with the training view, Label would become a required graph input.
        var inputOnly = Schemas.Load(_ml, [new FeatureRow { Features = new float[featureCount] }], featureCount);
        _ml.Model.Save(model, inputOnly.Schema, mlnetPath);
        using var stream = File.Create(onnxPath);
        _ml.Model.ConvertToOnnx(model, inputOnly, stream);
    }

    /// <summary>ML.NET's own probability for each feature row, for the export check.</summary>
    public float[] Probabilities(ITransformer model, IEnumerable<float[]> features)
    {
        var engine = _ml.Model.CreatePredictionEngine<FeatureRow, ProbabilityRow>(model, inputSchemaDefinition: Schemas.For<FeatureRow>(featureCount));
        return features.Select(f => engine.Predict(new FeatureRow { Features = f }).Probability).ToArray();
    }

    /// <summary>Formats a share as a percentage with two decimals.</summary>
    public static string Percent(double share) => (100.0 * share).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
