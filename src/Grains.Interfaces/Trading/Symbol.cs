using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// An instrument symbol, the one place its rule lives: six letters A-Z naming a base and a different
/// quote currency, upper-cased and trimmed (<c>" eurusd"</c> is <c>EURUSD</c>). Every door (HTTP,
/// the client SDK, configuration, replay, the grains) parses through it, so a symbol is normalised
/// and checked once, in the same words everywhere. Whether a symbol is traded is the silo's
/// configuration to say, not this type's.
/// </summary>
public readonly record struct Symbol
{
    /// <summary>Letters in a symbol.</summary>
    public const int Length = 6;

    private readonly string? _value;

    private Symbol(string value) => _value = value;

    /// <summary>The upper-case code, such as <c>EURUSD</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("a default Symbol holds no code; parse one");

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what to send instead.</summary>
    public static bool TryParse(string? text, out Symbol symbol, [NotNullWhen(false)] out string? error)
    {
        symbol = default;
        error = Error(text, out var normalized);
        if (error is not null)
        {
            return false;
        }

        symbol = new Symbol(normalized);
        return true;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static bool TryParse(string? text, out Symbol symbol) => TryParse(text, out symbol, out _);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ArgumentException"/> naming <paramref name="parameter"/> when it is no symbol.</summary>
    public static Symbol Parse(string? text, [CallerArgumentExpression(nameof(text))] string? parameter = null) =>
        TryParse(text, out var symbol, out var error) ? symbol : throw new ArgumentException(error, parameter);

    /// <summary>Why <paramref name="text"/> is not a symbol, or null when it is one.</summary>
    public static string? Error(string? text) => Error(text, out _);

    /// <summary>
    /// The code of <paramref name="text"/> as a key (trimmed, upper-cased), whether or not it is a
    /// valid symbol: for lookups that answer "unknown" rather than "malformed".
    /// </summary>
    public static string Normalize(string? text) => (text ?? "").Trim().ToUpperInvariant();

    /// <inheritdoc />
    public override string ToString() => _value ?? "";

    /// <summary>The code.</summary>
    public static implicit operator string(Symbol symbol) => symbol.Value;

    private static string? Error(string? text, out string normalized)
    {
        normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return "the symbol is empty; expected six letters such as EURUSD";
        }

        if (normalized.Length != Length)
        {
            return $"the symbol '{text}' has {normalized.Length} characters; expected {Length} letters, a base and a quote currency such as EURUSD";
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] is < 'A' or > 'Z')
            {
                return $"the symbol '{text}' has '{normalized[i]}' at position {i + 1}; only the letters A-Z are allowed, e.g. EURUSD";
            }
        }

        return normalized.AsSpan(0, 3).SequenceEqual(normalized.AsSpan(3))
            ? $"the symbol '{text}' has the same base and quote currency {normalized[..3]}"
            : null;
    }
}
