using System.Globalization;
using System.Numerics;

namespace AriaPro.Silo.Http;

/// <summary>
/// Reads a JSON number as a decimal only when the decimal holds it exactly. System.Text.Json
/// rounds a number with more than 28-29 significant digits to the nearest decimal, so
/// <c>0.010000000000000000000000000001</c> would silently become 0.01 lots; here it is refused.
/// </summary>
internal static class JsonNumber
{
    // 29 digits, a sign, a point, an exponent, and room for leading or trailing zeros.
    private const int MaxTextLength = 64;

    /// <summary>True and the value when <paramref name="raw"/> (JSON number text) is exactly a decimal.</summary>
    public static bool TryExactDecimal(string raw, out decimal value)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return Normalize(raw) is { } exact && exact == Normalize(value);
    }

    // The number as (digits without leading or trailing zeros, power of ten), so equal values
    // compare equal; null for text longer than any exact decimal needs, or a huge exponent.
    private static (BigInteger Digits, int Exponent)? Normalize(string raw)
    {
        if (raw.Length > MaxTextLength)
        {
            return null;
        }

        var text = raw.TrimStart('-');
        var exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 1_000)
            {
                return null;
            }

            text = text[..e];
        }

        var point = text.IndexOf('.');
        if (point >= 0)
        {
            exponent -= text.Length - point - 1;
            text = text.Remove(point, 1);
        }

        return Strip(BigInteger.Parse(text, CultureInfo.InvariantCulture), exponent);
    }

    private static (BigInteger Digits, int Exponent) Normalize(decimal value)
    {
        var bits = decimal.GetBits(decimal.Abs(value));
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return Strip(mantissa, -((bits[3] >> 16) & 0xFF));
    }

    private static (BigInteger Digits, int Exponent) Strip(BigInteger digits, int exponent)
    {
        if (digits.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }

        return (digits, exponent);
    }
}
