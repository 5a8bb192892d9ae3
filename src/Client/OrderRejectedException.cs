using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client;

/// <summary>
/// An order request refused before it was sent: <see cref="Errors"/> holds, per field (camelCase, as
/// HTTP's 400 names them), what <see cref="OrderRules"/> found wrong. The cluster applies the same
/// rules again; nothing was submitted.
/// </summary>
public sealed class OrderRejectedException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public OrderRejectedException(IReadOnlyDictionary<string, string[]> errors)
        : base($"the order request is invalid: {string.Join("; ", errors.SelectMany(e => e.Value))}")
    {
        Errors = errors;
    }

    /// <summary>Messages by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
