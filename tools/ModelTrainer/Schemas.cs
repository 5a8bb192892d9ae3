using Microsoft.ML;
using Microsoft.ML.Data;

namespace AriaPro.ModelTrainer;

/// <summary>ML.NET schemas with the feature vector's size fixed, which the trainers and the ONNX export need.</summary>
public static class Schemas
{
    /// <summary>Schema of <typeparamref name="TRow"/> whose <c>Features</c> column holds <paramref name="featureCount"/> floats.</summary>
    public static SchemaDefinition For<TRow>(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(TRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    /// <summary>A data view of <paramref name="rows"/> with the fixed-size feature column.</summary>
    public static IDataView Load<TRow>(MLContext ml, IEnumerable<TRow> rows, int featureCount)
        where TRow : class =>
        ml.Data.LoadFromEnumerable(rows, For<TRow>(featureCount));
}
