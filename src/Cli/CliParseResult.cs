using System.Diagnostics.CodeAnalysis;

namespace AriaPro.Cli;

/// <summary>A parsed command and its connection, or the error text to show above the usage.</summary>
internal sealed record CliParseResult(CliCommand? Command, ConnectionSettings? Connection, string? Error)
{
    [MemberNotNullWhen(true, nameof(Command), nameof(Connection))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static CliParseResult Success(CliCommand command, ConnectionSettings connection) => new(command, connection, null);

    public static CliParseResult Failure(string error) => new(null, null, error);
}
