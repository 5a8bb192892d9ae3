using AriaPro.Cli;

var parsed = CliParser.Parse(args);
if (!parsed.IsSuccess)
{
    Console.Error.WriteLine($"aria: {parsed.Error}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(CliUsage.Text);
    return ExitCodes.Usage;
}

if (parsed.Command is HelpCommand)
{
    Console.Out.WriteLine(CliUsage.Text);
    return ExitCodes.Success;
}

return await ClusterSession.RunAsync(parsed.Connection, parsed.Command, Console.Out, Console.Error);
