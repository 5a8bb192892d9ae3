namespace AriaPro.Grains.Interfaces.Monitoring;

/// <summary>What <c>GET /monitoring/alerts</c> shows: firing alerts, newest first, and the recently resolved.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.AlertsView")]
public sealed record AlertsView(
    [property: Id(0)] IReadOnlyList<Alert> Active,
    [property: Id(1)] IReadOnlyList<Alert> Recent);
