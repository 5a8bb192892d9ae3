namespace AriaPro.Silo.Tests.Hosting;

/// <summary>The README's <c>dotnet run --project src/Silo</c>, typed at the repository's root.</summary>
[Trait("Category", "Integration")]
public sealed class DotnetRunTests
{
    [Fact]
    public async Task DotnetRunFromTheRoot_ARelativeCsvPath_ResolvesAgainstTheRoot_AndNothingIsWrittenIntoSrc()
    {
        var file = SharedData.Find("eurusd-daily-2005-2018.csv");
        Assert.True(file is not null, "../shared/data/eurusd-daily-2005-2018.csv is not next to this checkout; ./test.sh needs it");
        var relative = Path.GetRelativePath(Repository.Root, file!);
        var data = Directory.CreateTempSubdirectory("aria-dotnet-run-").FullName;
        var audit = Path.Combine("logs", $"dotnet-run-test-{Guid.NewGuid():N}.jsonl");
        var http = AriaPro.Silo.Hosting.LoopbackPorts.Free();
        try
        {
            await using var silo = SiloProcess.StartWithDotnetRun(Repository.Root, new Dictionary<string, string>
            {
                ["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{http}",
                ["ARIA_SILO_PORT"] = AriaPro.Silo.Hosting.LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ARIA_GATEWAY_PORT"] = AriaPro.Silo.Hosting.LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ARIA_DATA_DIR"] = data,
                ["ARIA_FEED"] = $"csv:{relative},EURUSD",
                ["ARIA_AUDIT_LOG"] = audit,
            });

            await silo.WaitForOutputAsync("AriaPro started", TimeSpan.FromSeconds(90));

            // A refused token request is audited: the audit log's file appears with its first event.
            using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") })
            using (var refused = await client.PostAsync("/auth/token", Http.HttpJson.Body("""{"apiKey":"not-a-key-0123456789abcdefghijklmnop"}""")))
            {
                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            var written = await Cluster.Poll.UntilAsync(() => Task.FromResult(File.Exists(Path.Combine(Repository.Root, audit))), TimeSpan.FromSeconds(10));
            await silo.KillAsync();

            Assert.StartsWith("..", relative); // the shared data sits beside the checkout, as the README's example has it
            Assert.True(written, $"the audit log {audit} is not under the folder the command ran in\n{silo.Output}");
            Assert.False(File.Exists(Path.Combine(Repository.Root, "src", "Silo", audit)), "the audit log was written into src/Silo");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
            File.Delete(Path.Combine(Repository.Root, audit));
        }
    }
}
