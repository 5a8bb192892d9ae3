using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using AriaPro.Cli.Commands;

namespace AriaPro.Cli.Help;

/// <summary>
/// The standard help, then what makes it a manual: the command's examples, and under the root
/// the environment variables and exit codes.
/// </summary>
internal sealed class ManualHelpAction(HelpAction standard, CliApp app) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        if (command is RootCommand)
        {
            var program = app.Program;
            if (program.Environment.Count > 0)
            {
                Section(output, "Environment:", program.Environment.Select(v => $"{v.Name,-17}{v.Meaning}"));
            }

            Section(output, "Exit codes:", program.ExitCodes.Select(c => $"{c.Code,-5}{c.Meaning}"));
            Section(output, "Examples:", program.Examples);
            output.WriteLine(program.Closing);
            output.WriteLine();
        }
        else if (app.ExamplesOf(command) is { Count: > 0 } examples)
        {
            Section(output, "Examples:", examples);
        }

        return ExitCodes.Ok;
    }

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        output.WriteLine(title);
        foreach (var line in lines)
        {
            output.WriteLine($"  {line}");
        }

        output.WriteLine();
    }
}
