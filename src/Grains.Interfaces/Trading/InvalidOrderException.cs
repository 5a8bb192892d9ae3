namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// An order request that breaks <see cref="OrderRules"/>, refused by the cluster before its
/// client order id is claimed: nothing was submitted and the id stays unused. <see cref="Errors"/>
/// holds, per field (camelCase, as HTTP's 400 names them), what to fix.
/// </summary>
[GenerateSerializer, Alias("AriaPro.InvalidOrderException")]
public sealed class InvalidOrderException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidOrderException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InvalidOrderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public InvalidOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A request refused for <paramref name="errors"/>.</summary>
    public InvalidOrderException(IReadOnlyDictionary<string, string[]> errors)
        : base($"the order request is invalid: {string.Join("; ", errors.SelectMany(e => e.Value))}")
    {
        Errors = errors;
    }

    /// <summary>Messages by field name.</summary>
    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
