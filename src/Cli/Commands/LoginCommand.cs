using System.CommandLine;
using System.Net;
using AriaPro.Cli.Connection;
using AriaPro.Cli.Output;
using AriaPro.Client.Http;
using AriaPro.Grains.Interfaces.Http;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria login</c>: exchanges an API key for a token (<c>POST /auth/token</c>) and stores it for the address.</summary>
internal sealed class LoginCommand : ICliCommand
{
    /// <summary>The variable that carries the API key.</summary>
    public const string ApiKeyVariable = "ARIA_API_KEY";

    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"The API key to exchange [default: ${ApiKeyVariable}, else asked for without echo when run in a terminal]",
            HelpName = "key",
        };
        var command = new Command("login",
            "Exchange an API key for a bearer token (valid one hour) and keep it in the config folder (login.json, mode 0600), " +
            "so later commands against the same address need no --token. Needs no role: the key decides the token's roles. " +
            "Any role may log in.")
        {
            apiKey,
        };
        app.Run(command, (session, parse, cancellationToken) => LoginAsync(session, parse.GetValue(apiKey), cancellationToken), requireToken: false);
        return app.Examples(command,
            "aria login --url http://127.0.0.1:8080",
            "ARIA_API_KEY=aria_... aria login",
            "aria login --api-key aria_... --json    # prints the token for scripts");
    }

    private static async Task<int> LoginAsync(CliSession session, string? apiKey, CancellationToken cancellationToken)
    {
        var key = apiKey ?? session.Context.Variable(ApiKeyVariable) ?? Ask(session.Context);
        TokenResponse issued;
        try
        {
            issued = await session.Api.IssueTokenAsync(key, cancellationToken);
        }
        catch (AriaApiException refused) when (refused.Status == HttpStatusCode.Unauthorized)
        {
            throw new CliException(ExitCodes.NotAuthenticated, $"login to {CliSession.Display(session.Url)} refused: {refused.Message}");
        }

        var role = TokenRoles.Strongest(issued.Token);
        session.Logins.Save(new StoredLogin(CliSession.Display(session.Url), issued.Token, issued.ExpiresAt, role));
        if (session.Json)
        {
            CliOutput.Json(session.Out, issued);
        }
        else
        {
            session.Out.MarkupLine(
                $"Logged in to [bold]{CliOutput.Text(CliSession.Display(session.Url))}[/] as [bold]{CliOutput.Text(role)}[/]; " +
                $"the token is valid until {CliOutput.Time(issued.ExpiresAt)} and is kept in {CliOutput.Text(session.Logins.Path)}");
        }

        return ExitCodes.Ok;
    }

    private static string Ask(CliContext context)
    {
        // The prompt goes to standard error, which stays a terminal when output is piped.
        if (!context.Error.Profile.Capabilities.Interactive)
        {
            throw new CliException(ExitCodes.Usage, $"no API key: pass --api-key, set {ApiKeyVariable}, or run aria login in a terminal to be asked");
        }

        return context.Error.Prompt(new TextPrompt<string>("API key:").Secret());
    }
}
