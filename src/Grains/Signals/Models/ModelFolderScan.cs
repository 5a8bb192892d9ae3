using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// Reads a models folder for a reload: every sidecar with its <c>.onnx</c> is loaded, its graph
/// checked against the sidecar, and run once on synthetic bars (<see cref="ModelValidation"/>)
/// under the inference timeout. Nothing here is served: the models are disposed once checked.
/// </summary>
public static class ModelFolderScan
{
    /// <summary>
    /// Scans <paramref name="directory"/> (which must exist). Ids that <paramref name="reserved"/>
    /// claims (built-in and registered models) and a second file with an id already found are rejected.
    /// </summary>
    public static async Task<ModelScan> ScanAsync(string directory, Func<string, bool> reserved, TimeSpan timeout, TimeProvider time)
    {
        var valid = new List<ManifestModel>();
        var rejected = new List<RejectedModel>();
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var onnx in files.Where(f => f.EndsWith(".onnx", StringComparison.Ordinal)))
        {
            var sidecar = Path.ChangeExtension(onnx, ".json");
            if (!files.Contains(sidecar, StringComparer.Ordinal))
            {
                rejected.Add(new(onnx, null, $"no sidecar '{sidecar}' next to it"));
                continue;
            }

            OnnxSignalModel model;
            try
            {
                model = OnnxSignalModel.Load(Path.Combine(directory, sidecar));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bad file of any kind is reported; it must not stop the other models' reload.
                rejected.Add(new(onnx, null, exception.Message));
                continue;
            }

            using (model)
            {
                var problem = reserved(model.Id) ? $"id '{model.Id}' belongs to a built-in or registered model"
                    : valid.FirstOrDefault(v => v.Id == model.Id) is { } first ? $"model id '{model.Id}' is already loaded from '{first.FileName}'"
                    : await Validate(model, timeout, time);
                if (problem is null)
                {
                    valid.Add(new(model.Id, model.Version, onnx, model.Sha256, model.SidecarSha256));
                }
                else
                {
                    rejected.Add(new(onnx, model.Id, problem));
                }
            }
        }

        return new(valid, rejected);
    }

    // A prediction that hangs past the timeout is abandoned; disposing the model then frees its
    // session only when that prediction returns.
    private static async Task<string?> Validate(OnnxSignalModel model, TimeSpan timeout, TimeProvider time)
    {
        try
        {
            return await Task.Run(() => ModelValidation.Problem(model)).WaitAsync(timeout, time);
        }
        catch (TimeoutException)
        {
            return $"the test prediction gave no answer within {timeout.TotalSeconds:F1}s (AI_MODEL_TIMEOUT)";
        }
    }
}
