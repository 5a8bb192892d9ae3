namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The optional body of an operator action (rotate a key, halt a breaker, isolate a model): why, for the audit trail.</summary>
public sealed record ReasonRequest(string? Reason = null);
