namespace AriaPro.Silo.Http;

/// <summary>
/// A body in the wrong format is refused with a problem that says what to send, before
/// authentication: routing picks ASP.NET Core's bare 415 endpoint when the Content-Type is not one
/// an endpoint accepts, and that endpoint, having no metadata, would fall to the fallback policy and
/// answer 401 "a bearer token is required" (on <c>POST /auth/token</c> too, where no token can be).
/// </summary>
public static class MediaTypeProblems
{
    // The display name AcceptsMatcherPolicy gives the endpoint it selects for a refused content type.
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    /// <summary>Answers 415 with a problem body for a request whose Content-Type no endpoint of its route takes.</summary>
    public static IApplicationBuilder UseAriaMediaTypeProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.DisplayName != UnsupportedMediaTypeEndpoint)
        {
            await next(context);
            return;
        }

        var sent = context.Request.ContentType is { Length: > 0 } type ? $"Content-Type: {type}" : "no Content-Type";
        await Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"{context.Request.Method} {context.Request.Path} takes a JSON body: send it with Content-Type: application/json (the request sent {sent}; curl -d sends a form unless told -H 'Content-Type: application/json')")
            .ExecuteAsync(context);
    });
}
