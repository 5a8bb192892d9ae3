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
/// <c>aria</c>: parses the command line, runs the command against the silo, and turns every
/// failure into one line on standard error (<c>aria: ...</c>) and an exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class AriaCli
{
    /// <summary>The name the manual and the error lines use.</summary>
    public const string Name = "aria";

    // Help reads best in lines no longer than this, and no wider than the terminal.
    private const int HelpWidth = 100;

    /// <summary>Runs one command line in <paramref name="context"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var app = new CliApp(context, new GlobalOptions());
        var root = Build(app);
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0 && parse.Action is not ManualHelpAction)
        {
            return Fail(context, ExitCodes.Usage,
                $"{string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct())} (see {CommandPath(parse.CommandResult)} --help)");
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
            return Fail(context, failure.ExitCode, failure.Message);
        }
        catch (AriaApiException refused)
        {
            return Fail(context, ExitCodeOf(refused.Status), Describe(refused));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(context, ExitCodes.Interrupted, "interrupted");
        }
        catch (JsonException unreadable)
        {
            return Fail(context, ExitCodes.Refused, $"the silo's answer could not be read: {unreadable.Message}");
        }
        catch (IOException io)
        {
            return Fail(context, ExitCodes.Refused, io.Message);
        }
        catch (UnauthorizedAccessException denied)
        {
            return Fail(context, ExitCodes.Refused, denied.Message);
        }
    }

    /// <summary>The whole command tree, with the manual's help.</summary>
    internal static RootCommand Build(CliApp app)
    {
        var root = new RootCommand(Manual.Summary) { HelpName = Name };
        app.Globals.AddTo(root);
        foreach (var command in CommandCatalog.All)
        {
            root.Subcommands.Add(command.Create(app));
        }

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

    private static int Fail(CliContext context, int exitCode, string message)
    {
        // The writer, not the console: one line, never wrapped at the terminal's width; a message
        // that spans lines (some parse errors do) is joined.
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        context.Error.Profile.Out.Writer.WriteLine($"{Name}: {line}");
        return exitCode;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            names.Insert(0, command.Parent is null ? Name : command.Command.Name);
        }

        return string.Join(' ', names);
    }
}
