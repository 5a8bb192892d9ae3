namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>A new lockout, reported once cluster-wide: by the silo whose request caused it.</summary>
/// <param name="Principal">The API key id (<c>key:ID</c>) or client address (<c>ip:ADDRESS</c>).</param>
/// <param name="Level">The penalty level, 1 for the first strike.</param>
/// <param name="Until">End of the lockout.</param>
public sealed record PenaltyImposed(string Principal, int Level, DateTimeOffset Until);
