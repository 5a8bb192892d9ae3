using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client;

/// <summary>
/// An order request the cluster refused as invalid: <see cref="Errors"/> holds, per field
/// (camelCase, as HTTP's 400 names them), what <see cref="OrderRules"/> found wrong. Nothing was
/// submitted and the client order id stays unused. The inner exception is the cluster's
/// <see cref="InvalidOrderException"/>, absent when the id itself was unusable and nothing was sent.
/// </summary>
public sealed class OrderRejectedException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public OrderRejectedException(IReadOnlyDictionary<string, string[]> errors)
        : this(errors, null)
    {
    }

    /// <summary>Creates the exception for <paramref name="errors"/>, found by <paramref name="innerException"/>.</summary>
    public OrderRejectedException(IReadOnlyDictionary<string, string[]> errors, Exception? innerException)
        : base($"the order request is invalid: {string.Join("; ", errors.SelectMany(e => e.Value))}", innerException)
    {
        Errors = errors;
    }

    /// <summary>Messages by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
