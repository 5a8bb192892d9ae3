using System.CommandLine;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria rotate-jwt</c>: rotates the token signing key now (<c>POST /security/rotate-jwt</c>).</summary>
internal sealed class RotateJwtCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit log [default: rotated by an operator]", HelpName = "text" };
        var command = new Command("rotate-jwt",
            "Rotate the JWT signing key now, on every silo. New tokens are signed with the new key; tokens signed with the retired " +
            "one stay valid for the overlap (JWT_SECRET_OVERLAP_HOURS), so nobody is logged out. Needs the role admin.")
        {
            reason,
        };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            var ring = await session.Api.RotateJwtAsync(parse.GetValue(reason), cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, ring);
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle($"Signing keys (current {Markup.Escape(ring.CurrentKid)})") }
                .AddColumns("Kid", "Created", "Retired", "Accepted until");
            foreach (var key in ring.Keys)
            {
                var kid = key.Kid == ring.CurrentKid ? $"[green]{CliOutput.Text(key.Kid)}[/]" : CliOutput.Text(key.Kid);
                table.AddRow(kid, CliOutput.Time(key.CreatedAt), CliOutput.Time(key.RetiredAt), CliOutput.Time(key.AcceptedUntil));
            }

            session.Out.Write(table);
            session.Out.MarkupLine($"Rotated: the current key is {CliOutput.Text(ring.CurrentKid)}; next scheduled rotation {CliOutput.Time(ring.NextRotation)}");
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria rotate-jwt --reason \"quarterly rotation\"");
    }
}
