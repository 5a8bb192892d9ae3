namespace AriaPro.Grains.Hosting;

/// <summary>Name of the grain storage provider that holds trading state.</summary>
public static class AriaStorage
{
    /// <summary>The provider name: memory when embedded, Redis in cluster mode.</summary>
    public const string Name = "aria";

    /// <summary>The storage the stream provider keeps its subscriptions in (the name Orleans looks for).</summary>
    public const string PubSub = "PubSubStore";
}
