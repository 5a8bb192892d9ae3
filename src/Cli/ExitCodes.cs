namespace AriaPro.Cli;

/// <summary>Process exit codes of <c>aria</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Connection failure, unknown order, or a call the cluster refused.</summary>
    public const int Failure = 1;

    /// <summary>Bad command-line arguments; usage was printed.</summary>
    public const int Usage = 2;
}
