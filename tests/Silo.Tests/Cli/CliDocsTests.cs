using System.CommandLine;
using System.Text.RegularExpressions;
using AriaPro.Cli;
using AriaPro.Cli.Commands;
using AriaPro.Cli.Connection;
using AriaPro.Replay.Cli;
using AriaPro.Silo.Tests.Hosting;
using Spectre.Console;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>Every <c>aria</c> and <c>aria-replay</c> invocation the docs show names commands and options the CLI has.</summary>
[Trait("Category", "Unit")]
public sealed partial class CliDocsTests
{
    private static readonly string[] Documents = ["README.md", "docs/CLI.md", "docs/OPERATIONS.md", "docs/DESIGN.md", "docs/REPLAY.md", "docs/API.md"];

    [Fact]
    public void EveryDocumentedInvocation_UsesCommandsAndOptionsOfTheCli()
    {
        var aria = AriaCli.Build(new CliApp(Context(), new GlobalOptions()));
        var replay = ReplayCli.Build(new CliApp(Context(), new GlobalOptions(), ReplayCli.Program));
        var checkedInvocations = 0;
        var problems = new List<string>();
        foreach (var document in Documents)
        {
            var lines = File.ReadAllLines(Repository.PathOf(document.Split('/')));
            var inCode = false;
            for (var n = 0; n < lines.Length; n++)
            {
                var line = lines[n];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                    continue;
                }

                var invocations = inCode
                    ? ShellComment().Replace(line, "").Split(';').Select(part => part.Trim()).Where(Invocation)
                    : Spans().Matches(line).Select(m => m.Groups[1].Value).Where(Invocation);
                foreach (var invocation in invocations)
                {
                    checkedInvocations++;
                    var root = invocation.StartsWith(ReplayCli.Name, StringComparison.Ordinal) ? replay : aria;
                    if (Problem(root, invocation) is { } problem)
                    {
                        problems.Add($"{document}:{n + 1}: `{invocation}`: {problem}");
                    }
                }
            }
        }

        Assert.True(checkedInvocations > 30, $"only {checkedInvocations} invocations found: the parser no longer sees the docs");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("aria-replay --csv bars.csv --out out --seed 7", null)]
    [InlineData("aria-replay --csv bars.csv --gateway-port 1", "'aria-replay' has no option --gateway-port")]
    public void Problem_OfAReplayInvocation_IsCheckedAgainstAriaReplay(string invocation, string? expected)
    {
        var root = ReplayCli.Build(new CliApp(Context(), new GlobalOptions(), ReplayCli.Program));

        Assert.Equal(expected, Problem(root, invocation));
    }

    [Theory]
    [InlineData("aria replay --csv bars.csv", "no command 'replay'")]
    [InlineData("aria orders submit --symbol EURUSD --side buy --qty 1 --wait", null)]
    [InlineData("aria risk resume --reason \"limits reviewed\"", null)]
    [InlineData("aria --url http://127.0.0.1:8080 positions --json", null)]
    [InlineData("aria orders submit --gateway-port 30000", "'submit' has no option --gateway-port")]
    [InlineData("aria --redis 127.0.0.1:6379 status", "'aria' has no option --redis")]
    [InlineData("aria trade EURUSD", "no command 'trade'")]
    public void Problem_NamesAnUnknownCommandOrOption(string invocation, string? expected)
    {
        var root = AriaCli.Build(new CliApp(Context(), new GlobalOptions()));

        Assert.Equal(expected, Problem(root, invocation));
    }

    // Walks the tokens down the command tree: a lower-case word that names no command where one is
    // expected is an unknown command; every --option must belong to the command or one above it.
    private static string? Problem(RootCommand root, string invocation)
    {
        Command command = root;
        var options = new HashSet<string>(StringComparer.Ordinal) { "--help", "-h", "--version" };
        AddOptions(options, root);
        var expectingCommand = true;
        foreach (var raw in invocation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var token = raw.Trim('[', ']', '(', ')', '`', '\\');
            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                var name = token.Split('=')[0];
                if (!options.Contains(name))
                {
                    return $"'{(command == root ? root.HelpName : command.Name)}' has no option {name}";
                }

                continue;
            }

            if (!expectingCommand)
            {
                continue;
            }

            if (command.Subcommands.FirstOrDefault(c => c.Name == token) is { } sub)
            {
                command = sub;
                AddOptions(options, sub);
                continue;
            }

            if (command == root && LowerWord().IsMatch(token))
            {
                return $"no command '{token}'";
            }

            expectingCommand = false;
        }

        return null;
    }

    private static bool Invocation(string text) =>
        text.StartsWith("aria ", StringComparison.Ordinal) || text.StartsWith(ReplayCli.Name + " ", StringComparison.Ordinal);

    private static void AddOptions(HashSet<string> options, Command command)
    {
        foreach (var option in command.Options)
        {
            options.Add(option.Name);
            foreach (var alias in option.Aliases)
            {
                options.Add(alias);
            }
        }
    }

    private static CliContext Context() => new()
    {
        Out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }),
        Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }),
        Environment = new Dictionary<string, string?>(),
    };

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Spans();

    [GeneratedRegex(@"\s#.*$")]
    private static partial Regex ShellComment();

    [GeneratedRegex("^[a-z][a-z-]*$")]
    private static partial Regex LowerWord();
}
