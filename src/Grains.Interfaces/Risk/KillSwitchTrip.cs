namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>Why and when the portfolio kill switch tripped: <see cref="Limit"/> is the variable that was breached.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.KillSwitchTrip")]
public sealed record KillSwitchTrip(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Limit,
    [property: Id(2)] double Value,
    [property: Id(3)] double Threshold,
    [property: Id(4)] string Reason);
