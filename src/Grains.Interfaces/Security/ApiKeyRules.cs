namespace AriaPro.Grains.Interfaces.Security;

/// <summary>What an API key's name must be, checked by the registry for every caller and by the facade for its 400.</summary>
public static class ApiKeyRules
{
    /// <summary>Longest key name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Why <paramref name="name"/> cannot name a key, or null: 1 to 100 printable characters (<see cref="TextRules"/>).</summary>
    public static string? NameError(string? name) => TextRules.PrintableError("name", name, MaxNameLength);
}
