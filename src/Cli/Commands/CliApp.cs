using System.CommandLine;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using AriaPro.Cli.Connection;

namespace AriaPro.Cli.Commands;

/// <summary>
/// What commands are built with: the context, the global options, the program, the wiring of an action to a
/// <see cref="CliSession"/>, and the examples the manual prints under each command's help.
/// </summary>
internal sealed class CliApp(CliContext context, GlobalOptions globals, CliProgram? program = null)
{
    private readonly Dictionary<Command, IReadOnlyList<string>> _examples = [];

    /// <summary>The process's consoles and variables.</summary>
    public CliContext Context => context;

    /// <summary>--url, --token, --json.</summary>
    public GlobalOptions Globals => globals;

    /// <summary>The program the commands belong to: <c>aria</c> unless another is given.</summary>
    public CliProgram Program { get; } = program ?? AriaCli.Program;

    /// <summary>
    /// Makes <paramref name="action"/> the command's action, run with a session for the resolved
    /// silo. With <paramref name="requireToken"/> (the default) a missing or expired login fails
    /// before any request; a silo that cannot be reached becomes one <see cref="ExitCodes.Unreachable"/> line.
    /// </summary>
    public void Run(Command command, Func<CliSession, ParseResult, CancellationToken, Task<int>> action, bool requireToken = true) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = CliSession.Open(parse, context, globals, requireToken);
            try
            {
                return await action(session, parse, cancellationToken);
            }
            catch (Exception failure) when (Unreachable(failure, cancellationToken) is { } reason)
            {
                throw new CliException(ExitCodes.Unreachable, $"cannot reach {CliSession.Display(session.Url)}: {reason}");
            }
        });

    /// <summary>Examples printed under the command's help; returns the command.</summary>
    public Command Examples(Command command, params string[] examples)
    {
        _examples[command] = examples;
        return command;
    }

    /// <summary>The examples of <paramref name="command"/>, if any.</summary>
    public IReadOnlyList<string> ExamplesOf(Command command) => _examples.GetValueOrDefault(command) ?? [];

    /// <summary>Why the silo could not be reached, or null when <paramref name="failure"/> is something else.</summary>
    public static string? Unreachable(Exception failure, CancellationToken cancellationToken)
    {
        if (failure is TaskCanceledException { InnerException: TimeoutException })
        {
            return "no answer in time";
        }

        if (failure is not (HttpRequestException or WebSocketException) || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    _ => socket.Message,
                };
            }
        }

        return failure.InnerException?.Message ?? failure.Message;
    }
}
