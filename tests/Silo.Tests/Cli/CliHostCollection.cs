using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>The CLI test classes share one silo and run one after another, so a halt in one never meets an order in another.</summary>
[CollectionDefinition(Name)]
public sealed class CliHostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "cli";
}
