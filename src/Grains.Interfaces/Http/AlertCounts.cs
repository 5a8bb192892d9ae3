namespace AriaPro.Grains.Interfaces.Http;

/// <summary>How many alerts are firing, by severity.</summary>
public sealed record AlertCounts(int Firing, int Critical, int Warning, int Info, int Unacknowledged);
