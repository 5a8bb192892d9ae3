using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Security;

/// <summary>Every API key as a salted hash; verifies presented keys and bootstraps the first admin.</summary>
[GrainType("api-keys")]
public sealed partial class ApiKeyRegistryGrain(
    [PersistentState("api-keys", AriaStorage.Name)] IPersistentState<ApiKeyState> store,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<ApiKeyRegistryGrain> logger) : Grain, IApiKeyRegistryGrain
{
    private readonly ILogger<ApiKeyRegistryGrain> _logger = logger;

    private Dictionary<string, ApiKeyEntry> Keys => store.State.Keys;

    public async Task<ApiKeyCreated> Create(string name, IReadOnlyList<string> roles)
    {
        if (ApiKeyRules.NameError(name) is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(name));
        }

        var unknown = roles?.FirstOrDefault(r => !AriaRoles.IsKnown(r));
        if (roles is null || roles.Count == 0 || unknown is not null)
        {
            throw new ArgumentException($"a key needs one or more of the roles {string.Join(", ", AriaRoles.All)}{(unknown is null ? "" : $"; '{unknown}' is not one")}", nameof(roles));
        }

        var (id, key) = ApiKeys.New();
        await Store(id, name, roles, key);
        LogCreated(id, name, string.Join(",", roles));
        return new(id, key, [.. roles.Distinct(StringComparer.Ordinal)]);
    }

    public async Task<bool> Revoke(string id)
    {
        if (!Keys.TryGetValue(id, out var entry) || entry.RevokedAt is not null)
        {
            return false;
        }

        // Its tokens go first: should storing the key's revocation then fail, the caller retries,
        // and a key that is revoked never has a token left working.
        var now = time.GetUtcNow();
        await GrainFactory.GetGrain<ITokenRevocationGrain>(ITokenRevocationGrain.Cluster).RevokeSubject(id, now);
        entry.RevokedAt = now;
        await store.WriteOrRestartAsync(this);
        LogRevoked(id, entry.Name);
        return true;
    }

    public Task<ApiPrincipal?> Verify(string apiKey)
    {
        var id = ApiKeys.IdOf(apiKey ?? "");
        var valid = apiKey is not null && Keys.TryGetValue(id, out var entry) && entry.RevokedAt is null && ApiKeys.Matches(apiKey, entry.Salt, entry.Hash);
        return Task.FromResult(valid ? new ApiPrincipal(id, Keys[id].Name, Keys[id].Roles) : null);
    }

    public Task<IReadOnlyList<ApiKeyView>> List() => Task.FromResult<IReadOnlyList<ApiKeyView>>(
        [.. Keys.OrderBy(k => k.Value.CreatedAt).Select(k => new ApiKeyView(k.Key, k.Value.Name, k.Value.Roles, k.Value.CreatedAt, k.Value.RevokedAt))]);

    public async Task<string?> EnsureAdmin(string? configuredKey)
    {
        if (configuredKey is not null)
        {
            if (!Keys.TryGetValue(ApiKeys.AdminId, out var admin) || admin.RevokedAt is not null || !ApiKeys.Matches(configuredKey, admin.Salt, admin.Hash))
            {
                await Store(ApiKeys.AdminId, "admin (ARIA_ADMIN_API_KEY)", [AriaRoles.Admin], configuredKey);
                LogConfiguredAdmin();
            }

            return null;
        }

        if (Keys.Values.Any(k => k.RevokedAt is null && k.Roles.Contains(AriaRoles.Admin)))
        {
            return null;
        }

        var created = await Create("first admin", [AriaRoles.Admin]);
        return created.ApiKey;
    }

    private async Task Store(string id, string name, IReadOnlyList<string> roles, string key)
    {
        var (salt, hash) = ApiKeys.Protect(key);
        Keys[id] = new() { Name = name, Roles = [.. roles.Distinct(StringComparer.Ordinal)], Salt = salt, Hash = hash, CreatedAt = time.GetUtcNow() };
        await store.WriteOrRestartAsync(this);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} created for {Name} with roles {Roles}")]
    private partial void LogCreated(string keyId, string name, string roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} ({Name}) revoked")]
    private partial void LogRevoked(string keyId, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "The admin key from ARIA_ADMIN_API_KEY is stored (as a salted hash)")]
    private partial void LogConfiguredAdmin();
}
