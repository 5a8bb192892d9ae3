using System.Net;

namespace AriaPro.Silo.Configuration;

/// <summary>Parses <c>ARIA_IP_ALLOW</c> and <c>ARIA_IP_DENY</c>: comma-separated CIDRs (IPv4 or IPv6) or single addresses.</summary>
public static class IpNetworkListParser
{
    /// <summary>A <see cref="ValueParser{T}"/>; a single address becomes a /32 or /128 network.</summary>
    public static bool TryParse(string raw, out IReadOnlyList<IPNetwork> networks, out string problem)
    {
        var parsed = new List<IPNetwork>();
        networks = parsed;
        problem = string.Empty;
        foreach (var part in raw.Split(','))
        {
            var entry = part.Trim();
            if (IPNetwork.TryParse(entry, out var network) && network.BaseAddress.Equals(AddressPart(entry)))
            {
                parsed.Add(network);
            }
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address))
            {
                parsed.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                problem = $"entry '{entry}' is not an address or CIDR with no bits set after the prefix (e.g. 10.0.0.0/8, 2001:db8::/32)";
                return false;
            }
        }

        return true;
    }

    // .NET masks host bits silently; 10.0.0.1/8 is more likely a typo than a wish for 10.0.0.0/8.
    private static IPAddress? AddressPart(string entry) =>
        IPAddress.TryParse(entry.Split('/')[0], out var address) ? address : null;

    /// <summary>The canonical text of <paramref name="networks"/>.</summary>
    public static string Format(IReadOnlyList<IPNetwork> networks) => string.Join(',', networks);
}
