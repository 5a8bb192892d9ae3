using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Net;
using System.Text.Json;
using AriaPro.Cli.Commands;
using AriaPro.Cli.Connection;
using AriaPro.Cli.Help;
using AriaPro.Client.Http;

namespace AriaPro.Cli;

/// <summary>
/// Runs a <see cref="CliProgram"/>: parses the command line, runs the command, and turns every
/// failure into one line on standard error (<c>name: ...</c>) and an exit code from <see cref="ExitCodes"/>.
/// </summary>
internal static class CommandLineHost
{
    // Help reads best in lines no longer than this, and no wider than the terminal.
    private const int HelpWidth = 100;

    /// <summary>Runs one command line of <paramref name="program"/> in <paramref name="context"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(CliProgram program, string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var app = new CliApp(context, new GlobalOptions(), program);
        var root = Build(app);
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0 && parse.Action is not ManualHelpAction)
        {
            return Fail(program, context, ExitCodes.Usage,
                $"{string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct())} (see {CommandPath(program, parse.CommandResult)} --help)");
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out.Profile.Out.Writer,
            Error = context.Error.Profile.Out.Writer,
            EnableDefaultExceptionHandler = false,

            // Ctrl+C arrives through cancellationToken: the process entry owns the signal, tests own none.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliException failure)
        {
            return Fail(program, context, failure.ExitCode, failure.Message);
        }
        catch (AriaApiException refused)
        {
            return Fail(program, context, ExitCodeOf(refused.Status), Describe(refused));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(program, context, ExitCodes.Interrupted, "interrupted");
        }
        catch (JsonException unreadable)
        {
            return Fail(program, context, ExitCodes.Refused, $"the silo's answer could not be read: {unreadable.Message}");
        }
        catch (IOException io)
        {
            return Fail(program, context, ExitCodes.Refused, io.Message);
        }
        catch (UnauthorizedAccessException denied)
        {
            return Fail(program, context, ExitCodes.Refused, denied.Message);
        }
    }

    /// <summary>The program's whole command tree, with the manual's help.</summary>
    public static RootCommand Build(CliApp app)
    {
        var root = app.Program.Root(app);
        root.HelpName = app.Program.Name;
        var help = root.Options.OfType<HelpOption>().Single();
        var standard = (HelpAction)help.Action!;
        standard.MaxWidth = Math.Min(app.Context.Out.Profile.Width, HelpWidth);
        help.Action = new ManualHelpAction(standard, app);
        return root;
    }

    /// <summary>The exit code of a refusal by its status.</summary>
    internal static int ExitCodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => ExitCodes.NotAuthenticated,
        HttpStatusCode.Forbidden => ExitCodes.Forbidden,
        _ => ExitCodes.Refused,
    };

    private static string Describe(AriaApiException refused) => refused.Status switch
    {
        HttpStatusCode.Unauthorized => $"not authenticated ({refused.Message}): run aria login",
        HttpStatusCode.Forbidden => $"forbidden: {refused.Detail ?? refused.Message}",
        _ => refused.Message,
    };

    private static int Fail(CliProgram program, CliContext context, int exitCode, string message)
    {
        // The writer, not the console: one line, never wrapped at the terminal's width; a message
        // that spans lines (some parse errors do) is joined.
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        context.Error.Profile.Out.Writer.WriteLine($"{program.Name}: {line}");
        return exitCode;
    }

    private static string CommandPath(CliProgram program, CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            names.Insert(0, command.Parent is null ? program.Name : command.Command.Name);
        }

        return string.Join(' ', names);
    }
}
