using System.CommandLine;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria logout</c>: forgets the stored login.</summary>
internal sealed class LogoutCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var command = new Command("logout",
            "Remove the stored login (login.json in the config folder). The token itself stays valid until it expires; " +
            "an admin can end it at once with POST /security/revoke. Needs no role.");
        app.Run(command, (session, _, _) =>
        {
            var removed = session.Logins.Delete();
            session.Out.MarkupLine(removed
                ? $"Logged out: removed {CliOutput.Text(session.Logins.Path)}"
                : $"Not logged in: there is no {CliOutput.Text(session.Logins.Path)}");
            return Task.FromResult(ExitCodes.Ok);
        }, requireToken: false);
        return app.Examples(command, "aria logout");
    }
}
