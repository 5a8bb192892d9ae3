namespace AriaPro.Grains.Interfaces.Security;

/// <summary>The <c>RequestContext</c> entries that say who makes a grain call.</summary>
public static class CallCredentials
{
    /// <summary>A bearer token of an API key (the same as the HTTP facade's), set by the SDK on every call it makes.</summary>
    public const string Token = "aria.token";

    /// <summary>The cluster's system credential, set by a silo on every call made inside it; no client can make one.</summary>
    public const string System = "aria.system";
}
