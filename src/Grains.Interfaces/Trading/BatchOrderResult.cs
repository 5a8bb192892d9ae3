namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Why one order of a batch was not submitted.</summary>
public enum BatchFailureKind
{
    /// <summary>The request breaks <see cref="OrderRules"/> (<see cref="BatchOrderFailure.Errors"/> says what to fix); its id stays unused.</summary>
    Invalid,

    /// <summary>Its client order id names a different order, or repeats an earlier order of the same batch.</summary>
    Conflict,

    /// <summary>The cluster or its storage did not answer; sending the same order again with the same id is safe.</summary>
    Unavailable,
}

/// <summary>Why one order of a batch was not submitted, in the words the single submit answers with.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.BatchOrderFailure")]
public sealed record BatchOrderFailure(
    [property: Id(0)] BatchFailureKind Kind,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Id(3)] IReadOnlyList<string>? Fields = null);

/// <summary>
/// One order of a batch, answered on its own: the order it produced (<see cref="Result"/>, with
/// <see cref="SubmitResult.Duplicate"/> when its id was already used for the same request), or why
/// it was not submitted (<see cref="Failure"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.BatchOrderResult")]
public sealed record BatchOrderResult(
    [property: Id(0)] string ClientOrderId,
    [property: Id(1)] SubmitResult? Result,
    [property: Id(2)] BatchOrderFailure? Failure);
