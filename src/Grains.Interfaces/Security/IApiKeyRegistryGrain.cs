namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// Every API key of the deployment (key 0). A key is shown once, when it is created; the registry
/// keeps only a salted hash of it.
/// </summary>
[Alias("AriaPro.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a key with a name and roles; the answer holds the key itself, never stored.</summary>
    /// <exception cref="ArgumentException">The name is empty, or a role is unknown, or there is none.</exception>
    [Alias("Create"), CallerRole(AriaRoles.Admin, Endpoint = "POST /security/api-keys")]
    Task<ApiKeyCreated> Create(string name, IReadOnlyList<string> roles);

    /// <summary>Revokes a key; false when no active key has this id.</summary>
    [Alias("Revoke"), CallerRole(AriaRoles.Admin, Endpoint = "DELETE /security/api-keys/{id}")]
    Task<bool> Revoke(string id);

    /// <summary>The principal of a valid, unrevoked key, or null.</summary>
    [Alias("Verify")]
    Task<ApiPrincipal?> Verify(string apiKey);

    /// <summary>Every key, revoked ones included, without secrets.</summary>
    [Alias("List"), CallerRole(AriaRoles.Admin, Endpoint = "GET /security/api-keys")]
    Task<IReadOnlyList<ApiKeyView>> List();

    /// <summary>
    /// Makes sure an administrator can get in: stores <paramref name="configuredKey"/>
    /// (<c>ARIA_ADMIN_API_KEY</c>) as the admin key when given, else creates one the first time
    /// there is no active admin key. Returns a key that was just created (to print once), or null.
    /// </summary>
    [Alias("EnsureAdmin")]
    Task<string?> EnsureAdmin(string? configuredKey);
}

/// <summary>A new key: the only time <see cref="ApiKey"/> is ever shown.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ApiKeyCreated")]
public sealed record ApiKeyCreated(
    [property: Id(0)] string Id,
    [property: Id(1)] string ApiKey,
    [property: Id(2)] IReadOnlyList<string> Roles);

/// <summary>Who a key belongs to.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ApiPrincipal")]
public sealed record ApiPrincipal(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Roles);

/// <summary>A key as listed to an administrator: no secret, no hash.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ApiKeyView")]
public sealed record ApiKeyView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);
