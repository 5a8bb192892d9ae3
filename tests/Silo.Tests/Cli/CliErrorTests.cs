using AriaPro.Cli;
using AriaPro.Cli.Commands;
using AriaPro.Cli.Connection;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;
using Spectre.Console;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>Help, and the failures that are not the silo's answer: bad command lines, no silo, a bad token.</summary>
[Trait("Category", "Integration")]
[Collection(CliHostCollection.Name)]
public sealed class CliErrorTests(HostFixture fixture)
{
    [Fact]
    public async Task Help_Root_NamesEveryCommandTheEnvironmentAndTheExitCodes()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        string[] issued = ["login", "logout", "status", "positions", "orders", "symbol", "flatten", "risk", "models", "alerts", "watch", "keys", "rotate-jwt"];
        var built = CommandCatalog.All.Select(c => c.Create(new CliApp(Context(), new GlobalOptions())).Name);
        Assert.Equal(issued.Order(), built.Order());
        foreach (var command in issued)
        {
            Assert.Contains($"  {command} ", result.Out);
        }

        foreach (var variable in new[] { "ARIA_URL", "ARIA_TOKEN", "ARIA_API_KEY", "ARIA_CONFIG_DIR" })
        {
            Assert.Contains(variable, result.Out);
        }

        Assert.Contains("Exit codes:", result.Out);
        Assert.Contains("3    the silo cannot be reached", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Help_Subcommand_NamesTheRoleAndShowsAnExample()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("symbol", "halt", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Needs the role admin", result.Out);
        Assert.Contains("Examples:", result.Out);
        Assert.Contains("aria symbol halt EURUSD", result.Out);
    }

    [Fact]
    public void Build_EveryRunnableCommand_NamesItsRoleAndHasAnExample()
    {
        var app = new CliApp(Context(), new GlobalOptions());
        var root = AriaCli.Build(app);

        var runnable = Descendants(root).Where(c => c.Action is not null).ToList();

        Assert.NotEmpty(runnable);
        foreach (var command in runnable)
        {
            Assert.Matches(@"Needs (no role|the role (viewer|trader|admin))", command.Description);
            Assert.NotEmpty(app.ExamplesOf(command));
        }
    }

    [Fact]
    public async Task NoArguments_PrintsTheManual()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoWithOneLine()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("trade");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("aria: ", line);
        Assert.Contains("trade", line);
    }

    [Fact]
    public async Task Command_UnreachableSilo_ExitsThreeWithOneLine()
    {
        using var cli = CliRun.For(new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}"), token: "any");

        var result = await cli.RunAsync("positions");

        Assert.Equal(3, result.ExitCode);
        Assert.Matches(@"^aria: cannot reach http://127\.0\.0\.1:\d+: connection refused$", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Watch_UnreachableSilo_ExitsThreeWithOneLine()
    {
        using var cli = CliRun.For(new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}"), token: "any");

        var result = await cli.RunAsync("watch", "--count", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("connection refused", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Command_BadUrl_IsAUsageError()
    {
        using var cli = CliRun.For(new Uri("http://127.0.0.1"), token: "any");

        var result = await cli.RunAsync("positions", "--url", "ftp://desk");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("aria: 'ftp://desk' is not an http:// or https:// address (--url or ARIA_URL)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Command_TokenTheSiloRejects_ExitsFourAndSaysToLogIn()
    {
        using var cli = CliRun.For(fixture.Host.Http.BaseAddress!, token: "not.a.token");

        var result = await cli.RunAsync("positions");

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("aria: not authenticated (Authentication required: the token is invalid)", line);
        Assert.EndsWith("run aria login", line);
    }

    [Fact]
    public async Task Watch_TokenTheSiloRejects_ExitsFour()
    {
        using var cli = CliRun.For(fixture.Host.Http.BaseAddress!, token: "not.a.token");

        var result = await cli.RunAsync("watch", "--count", "1");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("not authenticated", Assert.Single(result.ErrorLines));
    }

    private static CliContext Context() => new()
    {
        Out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }),
        Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }),
        Environment = new Dictionary<string, string?>(),
    };

    private static IEnumerable<System.CommandLine.Command> Descendants(System.CommandLine.Command command) =>
        command.Subcommands.SelectMany(c => Descendants(c).Prepend(c));
}
