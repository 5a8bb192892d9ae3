namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The body of <c>POST /security/api-keys</c>: a name a person recognises, and one or more roles (viewer, trader, admin).</summary>
public sealed record ApiKeyRequest(string Name, IReadOnlyList<string> Roles);
