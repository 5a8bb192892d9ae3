namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// What an order grain's claim of its id gave: the order the id already names (<see cref="Existing"/>,
/// the same request again), or the request, normalised and checked, now claimed and to be delivered
/// to its symbol's trader (<see cref="Request"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.OrderClaim")]
public sealed record OrderClaim(
    [property: Id(0)] SubmitResult? Existing,
    [property: Id(1)] OrderRequest? Request);
