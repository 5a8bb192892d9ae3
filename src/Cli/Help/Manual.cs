using AriaPro.Cli.Connection;

namespace AriaPro.Cli.Help;

/// <summary>The parts of <c>aria --help</c> that belong to no one command.</summary>
internal static class Manual
{
    /// <summary>What aria is, first in the root's help.</summary>
    public const string Summary =
        "aria - the AriaPro command-line client. It speaks HTTP to any AriaPro silo: log in once with an API key, " +
        "then read status, positions, risk, models and alerts, submit and cancel orders, halt and resume symbols, " +
        "manage API keys, rotate the token signing key and watch live events. " +
        "Historical replays are a program of their own, aria-replay. Roles nest: viewer < trader < admin; each command's help names the role it needs.";

    /// <summary>The environment variables aria reads.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Environment =
    [
        (GlobalOptions.UrlVariable, $"the silo's HTTP address when --url is not given (default {GlobalOptions.DefaultUrl})"),
        (GlobalOptions.TokenVariable, "a bearer token to use instead of the stored login"),
        (Commands.LoginCommand.ApiKeyVariable, "the API key aria login exchanges when --api-key is not given"),
        (CliContext.ConfigDirectoryVariable, "the folder of the stored login (default: ~/.config/aria on Linux)"),
    ];

    /// <summary>Examples shown under the root's help.</summary>
    public static readonly IReadOnlyList<string> Examples =
    [
        "aria login --url http://127.0.0.1:8080          # asks for the API key",
        "aria status",
        "aria orders submit --symbol EURUSD --side buy --qty 0.5",
        "aria symbol halt EURUSD --reason \"news\"",
        "aria watch --types circuit_breaker,system_alert",
        "aria positions --json | jq '.[].symbol'",
    ];

    /// <summary>The closing paragraph of the root's help.</summary>
    public const string Closing =
        "Errors are one line on standard error, starting \"aria:\". The full manual is docs/CLI.md.";
}
