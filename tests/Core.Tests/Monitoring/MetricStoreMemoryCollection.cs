namespace AriaPro.Core.Tests.Monitoring;

/// <summary>Whole-process heap measurements: run alone, not beside other tests that allocate.</summary>
[CollectionDefinition(nameof(MetricStoreMemoryTests), DisableParallelization = true)]
public sealed class MetricStoreMemoryCollection;
