using System.CommandLine;
using AriaPro.Cli.Commands;
using AriaPro.Cli.Help;

namespace AriaPro.Cli;

/// <summary>
/// <c>aria</c>: the commands of <see cref="CommandCatalog"/> under the global options, run by
/// <see cref="CommandLineHost"/>. It speaks HTTP to a silo and references only the client SDK.
/// </summary>
public static class AriaCli
{
    /// <summary>The name the manual and the error lines use.</summary>
    public const string Name = "aria";

    /// <summary>The program: its commands and its manual.</summary>
    internal static CliProgram Program { get; } = new()
    {
        Name = Name,
        Root = BuildRoot,
        Environment = Manual.Environment,
        ExitCodes = ExitCodes.All,
        Examples = Manual.Examples,
        Closing = Manual.Closing,
    };

    /// <summary>Runs one command line in <paramref name="context"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default) =>
        CommandLineHost.RunAsync(Program, args, context, cancellationToken);

    /// <summary>The whole command tree, with the manual's help.</summary>
    internal static RootCommand Build(CliApp app) => CommandLineHost.Build(app);

    private static RootCommand BuildRoot(CliApp app)
    {
        var root = new RootCommand(Manual.Summary);
        app.Globals.AddTo(root);
        foreach (var command in CommandCatalog.All)
        {
            root.Subcommands.Add(command.Create(app));
        }

        return root;
    }
}
