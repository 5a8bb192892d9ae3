namespace AriaPro.Silo.Http.OpenApi;

/// <summary>Declares the problem answers a handler produces beyond those its result types already declare.</summary>
public static class ProblemMetadata
{
    /// <summary>Declares each of <paramref name="statuses"/> as an <c>application/problem+json</c> answer of the endpoint.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
