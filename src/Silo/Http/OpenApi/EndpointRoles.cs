using AriaPro.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authorization;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// The role an endpoint needs, read from its authorization metadata exactly as the authorization
/// middleware reads it, so the document cannot say something the facade does not enforce.
/// </summary>
public static class EndpointRoles
{
    /// <summary>The operation extension that names the role (<c>anonymous</c> when none is needed).</summary>
    public const string Extension = "x-aria-role";

    /// <summary>What <see cref="Extension"/> says of an endpoint that needs no token.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>
    /// The least role that passes (viewer, trader or admin), or null for an anonymous endpoint. An
    /// endpoint without a policy falls to the fallback policy, which needs a viewer.
    /// </summary>
    public static string? Of(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        if (items.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        return items.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? AriaRoles.Viewer;
    }

    /// <summary>True when a token with only the viewer role is refused (403).</summary>
    public static bool AboveViewer(string? role) => role is not null && role != AriaRoles.Viewer;
}
