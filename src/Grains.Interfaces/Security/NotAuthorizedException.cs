namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// A grain call the cluster refused before it ran: no credentials, a token that is invalid, expired
/// or revoked (<see cref="Unauthenticated"/>), or a role that does not reach the method. Nothing changed.
/// </summary>
[GenerateSerializer, Alias("AriaPro.NotAuthorizedException")]
public sealed class NotAuthorizedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotAuthorizedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public NotAuthorizedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public NotAuthorizedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal naming what to fix; <paramref name="unauthenticated"/> when the caller proved no identity at all.</summary>
    public NotAuthorizedException(string message, bool unauthenticated, string? requiredRole)
        : base(message)
    {
        Unauthenticated = unauthenticated;
        RequiredRole = requiredRole;
    }

    /// <summary>True when the call carried no valid credentials (the HTTP equivalent is 401); false when the role was missing (403).</summary>
    [Id(0)]
    public bool Unauthenticated { get; init; }

    /// <summary>The role the method needs, when that is why it was refused.</summary>
    [Id(1)]
    public string? RequiredRole { get; init; }
}
