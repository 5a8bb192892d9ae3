namespace AriaPro.Cli;

/// <summary>Process exit codes of <c>aria</c>, in one place; <c>aria --help</c> lists them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The silo said no: invalid input, unknown order, symbol, alert or key, a conflict, or a server error.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing or unreadable value.</summary>
    public const int Usage = 2;

    /// <summary>The silo could not be reached: connection refused, unknown host, timeout.</summary>
    public const int Unreachable = 3;

    /// <summary>No token, an expired one, or one the silo does not accept: run <c>aria login</c>.</summary>
    public const int NotAuthenticated = 4;

    /// <summary>The token is valid but lacks the role the command needs.</summary>
    public const int Forbidden = 5;

    /// <summary>Interrupted (Ctrl+C) before the command finished; <c>aria watch</c> ends with <see cref="Ok"/> instead.</summary>
    public const int Interrupted = 130;

    /// <summary>Every code with its meaning, for the manual.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> All =
    [
        (Ok, "success"),
        (Refused, "the silo refused: invalid input, not found, conflict, or a server error"),
        (Usage, "bad command line: unknown command or option, missing or unreadable value"),
        (Unreachable, "the silo cannot be reached (connection refused, unknown host, timeout)"),
        (NotAuthenticated, "not logged in, login expired, or token rejected: run aria login"),
        (Forbidden, "the token lacks the role the command needs"),
        (Interrupted, "interrupted by Ctrl+C (aria watch exits 0 instead)"),
    ];
}
