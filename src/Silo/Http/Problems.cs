using Microsoft.AspNetCore.Http.HttpResults;

namespace AriaPro.Silo.Http;

/// <summary>RFC 7807 bodies for the facade's own refusals.</summary>
internal static class Problems
{
    /// <summary>A problem response (application/problem+json) with a title and an actionable detail.</summary>
    public static ProblemHttpResult Create(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>A 400 naming the one field that is wrong.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "The request is invalid");
}
