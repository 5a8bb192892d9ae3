namespace AriaPro.Grains.MarketData;

/// <summary>
/// FNV-1a over the characters of a string. Unlike <see cref="string.GetHashCode()"/>, which is
/// randomized per process, it gives the same value in every process, so seeds and derived price
/// levels are reproducible across restarts and silos.
/// </summary>
internal static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>32-bit FNV-1a hash of <paramref name="text"/>.</summary>
    public static uint Of(string text)
    {
        unchecked
        {
            var hash = OffsetBasis;
            foreach (var c in text)
            {
                hash = (hash ^ (byte)c) * Prime;
                hash = (hash ^ (byte)(c >> 8)) * Prime;
            }

            return hash;
        }
    }

    /// <summary>A seed for <see cref="Random"/> that mixes a configured seed with a symbol.</summary>
    public static int Seed(int seed, string symbol)
    {
        unchecked
        {
            var mixed = Of(symbol) ^ ((uint)seed * 0x9E3779B1u);
            mixed ^= mixed >> 16;
            mixed *= 0x85EBCA6Bu;
            mixed ^= mixed >> 13;
            return (int)mixed;
        }
    }
}
