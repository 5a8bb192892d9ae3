using System.Collections.Concurrent;
using System.Reflection;
using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Silo.Security.Cluster;

/// <summary>
/// What a caller from outside the silos needs for one grain method, read once from its interface:
/// AriaPro's own methods name their role with <see cref="CallerRoleAttribute"/> (none: internal, silos
/// only); of Orleans' own interfaces a client may fetch the cluster manifest (it needs it to connect)
/// and, with a viewer's token, subscribe to streams; everything else of Orleans' needs an admin.
/// </summary>
/// <param name="Role">The role needed, <see cref="AriaRoles.Anonymous"/> for none, or <see cref="AriaRoles.System"/> for silos only.</param>
/// <param name="Endpoint">The HTTP endpoint whose rate limit the call shares, or a name of its own (<c>GRAIN IOrderGrain.Submit</c>).</param>
/// <param name="Name">The method as the audit trail names it: <c>IOrderGrain.Submit</c>.</param>
public sealed record CallRule(string Role, string Endpoint, string Name)
{
    private const string ManifestInterface = "Orleans.Runtime.IClusterManifestSystemTarget";
    private const string StreamingNamespace = "Orleans.Streams";

    private static readonly ConcurrentDictionary<MethodInfo, CallRule> Rules = new();

    /// <summary>True when the call changes something (it needs a trader or an admin): it is audited.</summary>
    public bool Changes => Role is AriaRoles.Trader or AriaRoles.Admin;

    /// <summary>The rule of <paramref name="method"/>, an interface method.</summary>
    public static CallRule Of(MethodInfo method) => Rules.GetOrAdd(method, Read);

    private static CallRule Read(MethodInfo method)
    {
        var type = method.DeclaringType;
        var name = $"{type?.Name}.{method.Name}";
        var ownEndpoint = $"GRAIN {name}";
        if (type?.Namespace?.StartsWith("AriaPro", StringComparison.Ordinal) == true)
        {
            return method.GetCustomAttribute<CallerRoleAttribute>() is { } declared
                ? new(declared.Role, declared.Endpoint ?? ownEndpoint, name)
                : new(AriaRoles.System, ownEndpoint, name);
        }

        var role = type?.FullName == ManifestInterface ? AriaRoles.Anonymous
            : type?.Namespace?.StartsWith(StreamingNamespace, StringComparison.Ordinal) == true ? AriaRoles.Viewer
            : AriaRoles.Admin;
        return new(role, ownEndpoint, name);
    }
}
