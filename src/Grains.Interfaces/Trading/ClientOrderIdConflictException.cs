namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// A client order id that cannot take this request: it already names a different order
/// (<see cref="Fields"/> lists what differs), or its order's record is lost. Nothing was submitted;
/// send a new id for a new order, or the same request again to read the first order back.
/// </summary>
[GenerateSerializer, Alias("AriaPro.ClientOrderIdConflictException")]
public sealed class ClientOrderIdConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClientOrderIdConflictException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ClientOrderIdConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ClientOrderIdConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A request that differs from the order <paramref name="first"/> its id already names, in <paramref name="fields"/>.</summary>
    public ClientOrderIdConflictException(OrderView first, IReadOnlyList<string> fields)
        : base($"client order id '{first.ClientOrderId}' is already used for a different order ({Describe(first)}); this request differs in {string.Join(", ", fields)}. " +
            "Send the same request again to read that order back, or use a new client order id for a new order")
    {
        Fields = fields;
    }

    /// <summary>The request's fields that differ from the first order (camelCase); empty when the conflict is a lost record.</summary>
    [Id(0)]
    public IReadOnlyList<string> Fields { get; init; } = [];

    private static string Describe(OrderView order) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{order.Side} {order.Quantity} {order.Symbol} {order.Type}{(order.LimitPrice is { } price ? $" at {price}" : "")}, {order.Status}");
}
