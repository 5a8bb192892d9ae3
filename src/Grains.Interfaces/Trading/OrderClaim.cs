namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// What the claim of an order's id gave (a silo's order intake, or the id's order grain): the order the id already names (<see cref="Existing"/>,
/// the same request again), or the request, normalised and checked, now claimed and to be delivered
/// to its symbol's trader (<see cref="Request"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.OrderClaim")]
public sealed record OrderClaim(
    [property: Id(0)] SubmitResult? Existing,
    [property: Id(1)] OrderRequest? Request);
