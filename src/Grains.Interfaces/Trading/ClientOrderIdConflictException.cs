namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>A client order id that can no longer be used: its order has aged out of the trader's retention.</summary>
[GenerateSerializer, Alias("AriaPro.ClientOrderIdConflictException")]
public sealed class ClientOrderIdConflictException : Exception
{
    public ClientOrderIdConflictException()
    {
    }

    public ClientOrderIdConflictException(string message)
        : base(message)
    {
    }

    public ClientOrderIdConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
