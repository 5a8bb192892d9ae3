using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using AriaPro.Silo.Security;
using AriaPro.Silo.Http.OpenApi;
using AriaPro.Silo.Security.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AriaPro.Silo.Http;

/// <summary>/auth/token (open) and /security (admin): API keys, signing-key rotation and token revocation.</summary>
public static class SecurityApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapSecurityApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/token", IssueToken).AllowAnonymous().WithTags("Security")
            .Accepts<TokenRequest>("application/json").ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status503ServiceUnavailable);
        var security = app.MapGroup("/security").RequireAuthorization(AriaRoles.Admin).WithTags("Security");
        security.MapPost("/api-keys", CreateKey).Accepts<ApiKeyRequest>("application/json").ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        security.MapGet("/api-keys", ListKeys).ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        security.MapDelete("/api-keys/{id}", RevokeKey).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);
        security.MapPost("/rotate-jwt", Rotate).Accepts<ReasonRequest>(isOptional: true, "application/json");
        security.MapPost("/revoke", RevokeToken).Accepts<RevokeTokenRequest>("application/json");
        app.MapPost("/auth/logout", Logout).AllowAnonymous().WithTags("Security");
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> IssueToken(
        HttpContext context, IGrainFactory grains, TokenService tokens)
    {
        var (document, error) = await JsonBody.ReadAsync(context.Request, FacadeExtensions.MaxBodyBytes);
        using (document)
        {
            if (error is not null)
            {
                return Problems.Invalid("body", error);
            }

            var fields = new JsonFields(document!.RootElement);
            var apiKey = fields.String("apiKey");
            var cookie = fields.Boolean("cookie", required: false) ?? false;
            if (fields.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(fields.Errors);
            }

            if (await grains.GetGrain<IApiKeyRegistryGrain>(0).Verify(apiKey!) is not { } principal)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                context.Audit(AuditEventTypes.AuthenticationFailed, "unknown or revoked API key");
                context.RequestServices.GetRequiredService<SecurityMetrics>().AuthFailed("api_key");
                return Problems.Create(StatusCodes.Status401Unauthorized, "Unknown API key", "the API key is not valid, or has been revoked");
            }

            var (token, jti, expiresAt) = tokens.Issue(principal);

            // The request is anonymous: the audit names the key the token was issued for.
            context.AuditAs(principal.Id, AuditEventTypes.TokenIssued, cookie ? "issued as cookie" : "issued",
                ("jti", jti), ("expiresAt", expiresAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            if (cookie)
            {
                // For a person in a browser: the page never sees the token.
                var options = LoginCookie(context);
                options.Expires = expiresAt;
                context.Response.Cookies.Append(TokenService.Cookie, token, options);
            }

            return TypedResults.Ok(new TokenResponse(token, expiresAt));
        }
    }

    // Forgets the browser's login cookie (the console's log-out). The token itself stays valid until
    // it expires; POST /security/revoke ends it everywhere.
    private static NoContent Logout(HttpContext context)
    {
        context.Response.Cookies.Delete(TokenService.Cookie, LoginCookie(context));
        return TypedResults.NoContent();
    }

    // The browser's login cookie: never readable by the page, never sent cross-site. Logging out
    // must name the same attributes, or the browser keeps the cookie.
    private static CookieOptions LoginCookie(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
    };

    private static async Task<Results<Created<ApiKeyCreated>, ValidationProblem>> CreateKey(HttpRequest request, IGrainFactory grains)
    {
        var context = request.HttpContext;
        var (document, error) = await JsonBody.ReadAsync(request, FacadeExtensions.MaxBodyBytes);
        using (document)
        {
            if (error is not null)
            {
                return Problems.Invalid("body", error);
            }

            var fields = new JsonFields(document!.RootElement);
            var name = fields.String("name");
            var roles = fields.Strings("roles");
            if (roles is not null && (roles.Count == 0 || roles.Any(r => !AriaRoles.IsKnown(r))))
            {
                fields.Errors["roles"] = [$"roles must be one or more of {string.Join(", ", AriaRoles.All)}"];
            }

            if (!fields.Errors.ContainsKey("name") && ApiKeyRules.NameError(name) is { } nameError)
            {
                fields.Errors["name"] = [nameError];
            }

            if (fields.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(fields.Errors);
            }

            var created = await grains.GetGrain<IApiKeyRegistryGrain>(0).Create(name!, roles!);
            context.Audit(AuditEventTypes.ApiKeyCreated, "created", ("keyId", created.Id), ("name", name!), ("roles", string.Join(',', created.Roles)));
            return TypedResults.Created($"/security/api-keys/{created.Id}", created);
        }
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListKeys(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IApiKeyRegistryGrain>(0).List());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string id, IGrainFactory grains, IJwtKeys keys, HttpContext context)
    {
        if (!await grains.GetGrain<IApiKeyRegistryGrain>(0).Revoke(id))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "Unknown API key", $"no active API key has the id '{id}'");
        }

        // The key's tokens are refused here at once, on the other silos at their next poll.
        await keys.RefreshAsync();

        context.Audit(AuditEventTypes.ApiKeyRevoked, "revoked", ("keyId", id));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<JwtKeyRingView>, ValidationProblem>> Rotate(HttpRequest request, IJwtKeys keys)
    {
        var (reason, invalid) = await JsonBody.ReadReasonAsync(request, "rotated by an operator");
        if (invalid is not null)
        {
            return invalid;
        }

        var ring = await keys.RotateAsync(reason);
        request.HttpContext.Audit(AuditEventTypes.JwtRotated, "rotated", ("kid", ring.CurrentKid), ("reason", reason));
        return TypedResults.Ok(ring);
    }

    private static async Task<Results<NoContent, ValidationProblem>> RevokeToken(HttpRequest request, IJwtKeys keys, [FromKeyedServices(AriaClock.Key)] TimeProvider time)
    {
        var (document, error) = await JsonBody.ReadAsync(request, FacadeExtensions.MaxBodyBytes);
        using (document)
        {
            if (error is not null)
            {
                return Problems.Invalid("body", error);
            }

            var fields = new JsonFields(document!.RootElement);
            var jti = fields.String("jti");
            if (fields.Errors.Count > 0 || string.IsNullOrWhiteSpace(jti))
            {
                return fields.Errors.Count > 0 ? TypedResults.ValidationProblem(fields.Errors) : Problems.Invalid("jti", "jti must not be empty");
            }

            // A token lives at most TokenService.Lifetime: after that the entry can go.
            await keys.RevokeAsync(jti.Trim(), time.GetUtcNow() + TokenService.Lifetime + TokenService.ClockSkew);
            request.HttpContext.Audit(AuditEventTypes.TokenRevoked, "revoked", ("jti", jti.Trim()));
            return TypedResults.NoContent();
        }
    }
}
