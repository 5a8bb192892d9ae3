namespace AriaPro.Grains.Interfaces.Security;

/// <summary>The <c>RequestContext</c> entries that say who makes a grain call.</summary>
public static class CallCredentials
{
    /// <summary>A bearer token of an API key (the same as the HTTP facade's), set by the SDK on every call it makes.</summary>
    public const string Token = "aria.token";

    /// <summary>The cluster's system credential, set by a silo on every call made inside it; no client can make one.</summary>
    public const string System = "aria.system";

    /// <summary>
    /// The API key id a call from outside the silos was verified as, set by the cluster's call guard
    /// for the grain it reaches (whatever a client put there is replaced); never sent on.
    /// </summary>
    public const string Caller = "aria.caller";

    /// <summary>Who makes the current call: the guard's verified caller, else <paramref name="named"/>, the name a silo's own code passed (the facade's token subject).</summary>
    public static string CallerOr(string named) => RequestContext.Get(Caller) as string ?? named;
}
