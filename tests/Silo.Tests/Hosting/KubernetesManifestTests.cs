namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// deploy/k8s/ariapro.yaml checked by a validator made for it: every document against the
/// Kubernetes API's schema for its kind, shipped in the kubernetes-models package
/// (tests/contract/validate-k8s.mjs, installed by ./test.sh with npm ci). Nothing is downloaded.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KubernetesManifestTests
{
    private static readonly string Contract = Repository.PathOf("tests", "contract");

    [Fact]
    public async Task Manifest_EveryDocumentValidatesAgainstItsKindsSchema()
    {
        AssertInstalled();

        var (exit, output) = await ChildProcess.RunAsync("node", ["validate-k8s.mjs", Repository.PathOf("deploy", "k8s", "ariapro.yaml")], directory: Contract);

        Assert.True(exit == 0, $"the manifest is invalid (exit {exit}):\n{output}");
        Assert.Contains("10 documents, 0 invalid", output);
    }

    [Theory]
    [InlineData("replicas: 2", "replicas: two", "spec/replicas must be integer")]
    [InlineData("kind: NetworkPolicy", "kind: NetworkPolicee", "unknown apiVersion/kind networking.k8s.io/v1/NetworkPolicee")]
    [InlineData("containerPort: 8080", "port: 8080", "must have required property containerPort")]
    public async Task Manifest_ABrokenCopy_IsRefusedNamingTheFault(string original, string broken, string expected)
    {
        AssertInstalled();
        var text = File.ReadAllText(Repository.PathOf("deploy", "k8s", "ariapro.yaml"));
        Assert.Contains(original, text);
        var file = Path.Combine(Path.GetTempPath(), $"aria-k8s-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, text.Replace(original, broken, StringComparison.Ordinal));
        try
        {
            var (exit, output) = await ChildProcess.RunAsync("node", ["validate-k8s.mjs", file], directory: Contract);

            Assert.Equal(1, exit);
            Assert.Contains(expected, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertInstalled() =>
        Assert.True(Directory.Exists(Path.Combine(Contract, "node_modules", "kubernetes-models")),
            $"the Kubernetes validator is not installed: run `npm ci` in {Contract} (./test.sh does)");
}
