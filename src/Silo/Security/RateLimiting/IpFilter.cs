using System.Net;

namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>CIDR allow and deny lists: an empty allow list lets everyone in; a deny entry always wins.</summary>
public sealed class IpFilter(IReadOnlyList<IPNetwork> allow, IReadOnlyList<IPNetwork> deny)
{
    /// <summary>True when <paramref name="address"/> may call; an unknown address only passes an empty allow list.</summary>
    public bool IsAllowed(IPAddress? address)
    {
        var normalized = Normalize(address);
        if (normalized is null)
        {
            return allow.Count == 0 && deny.Count == 0;
        }

        if (deny.Any(n => n.Contains(normalized)))
        {
            return false;
        }

        return allow.Count == 0 || allow.Any(n => n.Contains(normalized));
    }

    /// <summary>Dual-stack sockets report IPv4 clients as <c>::ffff:a.b.c.d</c>; lists are written in IPv4.</summary>
    public static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
