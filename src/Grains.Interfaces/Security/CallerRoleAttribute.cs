namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// The role a caller from outside the silos (an SDK client through the gateway) needs for this grain
/// method; the cluster's call guard enforces it for every call. A method without it is internal: only
/// the silos themselves may call it. <see cref="Endpoint"/> names the HTTP endpoint the call mirrors,
/// whose rate limit (<c>RATE_LIMIT_ENDPOINTS</c>) then counts SDK calls too.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CallerRoleAttribute(string role) : Attribute
{
    /// <summary><see cref="AriaRoles.Viewer"/>, <see cref="AriaRoles.Trader"/>, <see cref="AriaRoles.Admin"/> or <see cref="AriaRoles.Anonymous"/>.</summary>
    public string Role { get; } = role;

    /// <summary>The HTTP endpoint this call mirrors, as <c>METHOD /route</c>; null when it has none.</summary>
    public string? Endpoint { get; init; }
}
