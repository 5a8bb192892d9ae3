namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>Told of every penalty this silo imposes (the audit log registers one).</summary>
public interface IPenaltyObserver
{
    /// <summary>Called once per new lockout, after the refusal is decided; it must not throw.</summary>
    void OnPenaltyImposed(PenaltyImposed penalty);
}
