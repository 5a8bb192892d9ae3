using System.Text;

namespace AriaPro.Grains.Interfaces.Http;

/// <summary>
/// The one way an enum value is read from text at every door (HTTP bodies, the CLI): exactly one
/// of the enum's names, ASCII letters compared without regard to case. Numbers, lists
/// (<c>"Buy,Sell"</c>, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would
/// read as a combination of flags), surrounding whitespace and non-ASCII look-alikes are refused.
/// </summary>
public static class WireEnum
{
    /// <summary>The value named by <paramref name="text"/>, or false when it names none.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        if (text is not null)
        {
            foreach (var name in Enum.GetNames<TEnum>())
            {
                if (Ascii.EqualsIgnoreCase(text, name))
                {
                    value = Enum.Parse<TEnum>(name);
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The names, for an error message: <c>Buy or Sell</c>, <c>A, B or C</c>.</summary>
    public static string Names<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
