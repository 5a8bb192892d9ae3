using System.Diagnostics;
using System.Text.RegularExpressions;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Client;

/// <summary>
/// samples/AriaPro.Sample, built by the solution like any project, run as its own process against a
/// real silo with a trader's key, as a desk would run it; and the README's SDK section is its code.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SampleAppTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Sample_TraderKey_TradesSeesTheEventAndListsPositions()
    {
        var key = await TestAuth.CreateKeyAsync(fixture.Host.Http, "trader");
        var start = new ProcessStartInfo("dotnet", [SampleAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["ARIA_GATEWAY_PORT"] = fixture.Host.Settings.Hosting.GatewayPort.ToString(), ["ARIA_API_KEY"] = key },
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(RunLimit);
        await process.WaitForExitAsync(limit.Token);
        var output = await stdout;

        Assert.True(process.ExitCode == 0, $"the sample exited with {process.ExitCode}.\n{output}\n{await stderr}");
        Assert.Matches(@"order sample-\w+: Submitted, then Filled at \d", output);
        Assert.Matches(@"event: order sample-\w+ Filled", output);
        Assert.Contains("position EURUSD: ", output);
    }

    [Fact]
    public void Readme_SdkSection_IsTheSamplesCode()
    {
        var sample = File.ReadAllText(Repository.PathOf("samples", "AriaPro.Sample", "Program.cs"));
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var snippet = Snippet().Match(sample);
        var block = ReadmeBlock().Match(readme);

        Assert.True(snippet.Success, "samples/AriaPro.Sample/Program.cs has no // <sdk-snippet> ... // </sdk-snippet>");
        Assert.True(block.Success, "README.md has no ```csharp block after '## From other .NET apps'");
        Assert.Equal(Normalize(snippet.Groups["code"].Value), Normalize(block.Groups["code"].Value));
    }

    private static string Normalize(string code) => string.Join('\n', code.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    private static string SampleAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Repository.PathOf("samples", "AriaPro.Sample", "bin", configuration, "net10.0", "AriaPro.Sample.dll");
        Assert.True(File.Exists(path), $"{path} is missing: the solution builds the sample; build it first");
        return path;
    }

    [GeneratedRegex(@"// <sdk-snippet>\r?\n(?<code>.*?)// </sdk-snippet>", RegexOptions.Singleline)]
    private static partial Regex Snippet();

    [GeneratedRegex(@"## From other \.NET apps.*?```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();
}
