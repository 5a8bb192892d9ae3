namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>What became of one inference. Timeout, Error and NonFinite are failures; NotReady and Skipped are neither.</summary>
[GenerateSerializer, Alias("AriaPro.InferenceOutcome")]
public enum InferenceOutcome
{
    Success,
    NotReady,
    Timeout,
    Error,
    NonFinite,
    Skipped,
}
