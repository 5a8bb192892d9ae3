namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>What became of one inference. Timeout, Error and NonFinite are failures; NotReady and Skipped are neither.</summary>
[GenerateSerializer, Alias("AriaPro.InferenceOutcome")]
public enum InferenceOutcome
{
    /// <summary>The model answered with a finite probability.</summary>
    Success,
    /// <summary>The model had too few bars, or was retired while it ran; not a failure.</summary>
    NotReady,
    /// <summary>The model took longer than AI_MODEL_TIMEOUT; a failure.</summary>
    Timeout,
    /// <summary>The model threw; a failure.</summary>
    Error,
    /// <summary>The model answered NaN or an infinity; a failure.</summary>
    NonFinite,
    /// <summary>The model's breaker is open, so it was not asked; not a failure.</summary>
    Skipped,
}
