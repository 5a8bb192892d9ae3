namespace AriaPro.Silo.Configuration;

/// <summary>Parses one trimmed, non-empty variable value; on failure <paramref name="problem"/> says what is wrong.</summary>
public delegate bool ValueParser<T>(string raw, out T value, out string problem);
