namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>A lockout: every request of the principal is refused until <paramref name="Until"/>.</summary>
/// <param name="Level">1 for the first strike within the strike memory, 2 for the second, ...</param>
/// <param name="Until">End of the lockout, on the store's clock.</param>
public sealed record Penalty(int Level, DateTimeOffset Until);
