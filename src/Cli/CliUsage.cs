namespace AriaPro.Cli;

/// <summary>The usage text.</summary>
internal static class CliUsage
{
    public const string Text = """
        usage: aria [--redis CONNECTION] [--gateway-port N] COMMAND

        commands:
          submit --id ID --symbol SYMBOL --side Buy|Sell --qty LOTS [--type Market|Limit] [--limit PRICE]
          order ID                        show an order
          cancel ID                       cancel an order
          positions                       positions of every symbol
          symbol SYMBOL                   limit, breaker, timeout and trading state of a symbol
          breaker reset|halt|resume SYMBOL [--reason TEXT]
          help                            this text

        connection (options win over the environment):
          --redis CONNECTION    Redis of a cluster-mode deployment (env ARIA_REDIS); default: localhost
          --gateway-port N      gateway port of the localhost silo (env ARIA_GATEWAY_PORT); default 30000
          ARIA_CLUSTER_ID / ARIA_SERVICE_ID must match the silos' when they are not the defaults.

        exit codes: 0 done, 1 failed (connection, unknown order, refused call), 2 bad arguments
        """;
}
