namespace AriaPro.Grains.Signals.Models;

/// <summary>Loads the ONNX models of a folder for the catalog, reporting each one it has to skip.</summary>
internal static class OnnxModels
{
    public static IReadOnlyList<OnnxSignalModel> Load(string directory, Action<string> problem)
    {
        if (!Directory.Exists(directory))
        {
            problem($"no models folder at {directory}");
            return [];
        }

        var result = OnnxSignalModel.LoadDirectory(directory);
        foreach (var error in result.Errors)
        {
            problem($"{error.SidecarPath}: {error.Message}");
        }

        return result.Models;
    }
}
