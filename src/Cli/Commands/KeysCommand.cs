using System.CommandLine;
using AriaPro.Cli.Output;
using AriaPro.Grains.Interfaces.Security;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria keys create|list|revoke</c>: API keys (<c>/security/api-keys</c>).</summary>
internal sealed class KeysCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var keys = new Command("keys", "Create, list and revoke API keys. Every keys command needs the role admin.");
        keys.Subcommands.Add(CreateKey(app));
        keys.Subcommands.Add(List(app));
        keys.Subcommands.Add(Revoke(app));
        return app.Examples(keys, "aria keys create --name \"risk desk\" --role viewer", "aria keys list", "aria keys revoke 4f1c2a9b7d3e");
    }

    private static Command CreateKey(CliApp app)
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for", Required = true, HelpName = "name" };
        var role = new Option<string>("--role") { Description = "viewer, trader or admin (each includes the ones before it)", Required = true, HelpName = "role" };
        role.AcceptOnlyFromAmong([.. AriaRoles.All]);
        var command = new Command("create",
            "Create an API key with a role. The key is printed once and never again: store it now. Needs the role admin.")
        {
            name, role,
        };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            var created = await session.Api.CreateApiKeyAsync(parse.GetValue(name)!, [parse.GetValue(role)!], cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, created);
                return ExitCodes.Ok;
            }

            session.Out.Write(CliOutput.Properties("API key created",
                ("Id", CliOutput.Text(created.Id)),
                ("Roles", CliOutput.Text(string.Join(", ", created.Roles))),
                ("Key", $"[bold]{CliOutput.Text(created.ApiKey)}[/]")));
            session.Context.Error.MarkupLine("[yellow]The key is shown only now: store it in a secret store.[/]");
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria keys create --name \"risk desk\" --role viewer", "aria keys create --name bot --role trader --json");
    }

    private static Command List(CliApp app)
    {
        var command = new Command("list", "List every API key, revoked ones included: id, name, roles, created and revoked. No secret is ever listed. Needs the role admin.");
        app.Run(command, async (session, _, cancellationToken) =>
        {
            var keys = await session.Api.ListApiKeysAsync(cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, keys);
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle("API keys") }.AddColumns("Id", "Name", "Roles", "Created", "Revoked");
            foreach (var k in keys)
            {
                table.AddRow(CliOutput.Text(k.Id), CliOutput.Text(k.Name), CliOutput.Text(string.Join(", ", k.Roles)), CliOutput.Time(k.CreatedAt),
                    k.RevokedAt is null ? CliOutput.None : $"[red]{CliOutput.Time(k.RevokedAt)}[/]");
            }

            session.Out.Write(table);
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria keys list");
    }

    private static Command Revoke(CliApp app)
    {
        var id = new Argument<string>("key-id") { Description = "The key's id, as aria keys list shows it" };
        var command = new Command("revoke",
            "Revoke an API key: it can get no new tokens. Tokens it already has run out within the hour. Needs the role admin.")
        {
            id,
        };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            var keyId = parse.GetValue(id)!;
            await session.Api.RevokeApiKeyAsync(keyId, cancellationToken);
            session.Out.MarkupLine($"Revoked API key {CliOutput.Text(keyId)}");
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria keys revoke 4f1c2a9b7d3e");
    }
}
