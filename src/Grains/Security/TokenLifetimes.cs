namespace AriaPro.Grains.Security;

/// <summary>How long an access token lives, and so how long any revocation must be remembered.</summary>
public static class TokenLifetimes
{
    /// <summary>How long a token is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Clock difference tolerated between silos when a token's times are checked.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The longest a token issued at some moment can still be accepted after it: a revocation is kept this long.</summary>
    public static TimeSpan Longest => Lifetime + ClockSkew;
}
