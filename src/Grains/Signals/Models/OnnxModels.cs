namespace AriaPro.Grains.Signals.Models;

/// <summary>Loads the ONNX models of a folder for the catalog (filled in with the ONNX runtime support).</summary>
internal static class OnnxModels
{
    public static IEnumerable<ISignalModel> Load(string directory, Action<string> problem)
    {
        if (!Directory.Exists(directory))
        {
            problem($"no models folder at {directory}");
        }

        return [];
    }
}
