namespace AriaPro.Grains.Signals;

/// <summary>Signal model health settings (the <c>AI_*</c> variables).</summary>
public sealed class ModelHealthOptions
{
    /// <summary>A model whose success rate over the window falls below this is switched off (<c>AI_CIRCUIT_BREAKER_THRESHOLD</c>).</summary>
    /// <value>The default value is 0.3.</value>
    public double CircuitBreakerThreshold { get; set; } = 0.3;

    /// <summary>Inferences in the rolling window (<c>AI_PERFORMANCE_WINDOW</c>).</summary>
    /// <value>The default value is 100.</value>
    public int PerformanceWindow { get; set; } = 100;

    /// <summary>Time one inference may take (<c>AI_MODEL_TIMEOUT</c>, seconds).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a switched-off model stays off before one probe inference (<c>AI_MODEL_CB_COOLDOWN</c>, seconds).</summary>
    /// <value>The default value is 300 seconds.</value>
    public TimeSpan ModelCooldown { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Folder of ONNX models, each with a JSON sidecar (<c>ARIA_MODELS_DIR</c>); null uses the models shipped next to the silo.</summary>
    public string? ModelsDirectory { get; set; }
}
