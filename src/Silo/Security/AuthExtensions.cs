using AriaPro.Silo.Http.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using AriaPro.Silo.Security.Audit;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AriaPro.Silo.Security;

/// <summary>
/// Bearer tokens on every request (header, the login cookie, or <c>access_token</c> on /ws), one
/// policy per role, and a fallback that makes any endpoint without a policy need a viewer. A missing
/// or bad token is a 401 problem, a missing role a 403 problem.
/// </summary>
public static class AuthExtensions
{
    /// <summary>Registers authentication, the role policies and the first-admin bootstrap.</summary>
    public static WebApplicationBuilder AddAriaProAuth(this WebApplicationBuilder builder, ApiKeyOptions apiKeys)
    {
        builder.Services.AddSingleton(sp => new TokenService(sp.GetRequiredService<IJwtKeys>(), TimeProvider.System));
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<SecurityMetrics>();
        builder.Services.AddSingleton(sp => new CachingTokenHandler(sp.GetRequiredService<IJwtKeys>(), TimeProvider.System) { MapInboundClaims = false });
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenService, IJwtKeys, CachingTokenHandler>((options, tokens, keys, handler) =>
        {
            options.MapInboundClaims = false;
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(handler);
            options.TokenValidationParameters = tokens.ValidationParameters();
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = ReadTokenFromCookieOrQuery,
                OnTokenValidated = context =>
                {
                    // Never cached: a revoked token, or a token of a deleted API key, is refused on the next request.
                    if (context.Principal?.Identity is not System.Security.Claims.ClaimsIdentity identity || TokenRevocationCheck.IsRefused(keys, identity))
                    {
                        context.Fail(new TokenRevokedException("the token has been revoked, or its API key deleted"));
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    var why = Why(context);
                    context.HttpContext.Audit(AuditEventTypes.AuthenticationFailed, why);
                    context.HttpContext.RequestServices.GetRequiredService<SecurityMetrics>().AuthFailed("token");
                    await WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required", why);
                },
                OnForbidden = context =>
                {
                    var required = RequiredRole(context.HttpContext);
                    var held = string.Join(", ", context.HttpContext.User.FindAll(TokenService.RoleClaim).Select(c => c.Value));
                    context.HttpContext.Audit(AuditEventTypes.AccessDenied, $"missing role {required}", ("requiredRole", required), ("roles", held));
                    context.HttpContext.RequestServices.GetRequiredService<SecurityMetrics>().AuthFailed("role");
                    return WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", $"this needs the role {required}; the token has {held}");
                },
            };
        });

        var policies = builder.Services.AddAuthorizationBuilder();
        foreach (var role in AriaRoles.All)
        {
            policies.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(AriaRoles.AtLeast(role)));
        }

        policies.SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().RequireRole(AriaRoles.AtLeast(AriaRoles.Viewer)).Build());
        builder.Services.AddSingleton(apiKeys);
        builder.Services.AddHostedService<AdminKeyBootstrapper>();
        return builder;
    }

    /// <summary>Authentication, rate limiting and authorization in the request pipeline.</summary>
    public static WebApplication UseAriaProAuth(this WebApplication app)
    {
        // Rate limits sit between the two: they key on the authenticated principal, and they count
        // requests that authorization would refuse too (a 403 flood is still a flood).
        app.UseAuthentication();
        app.UseAriaRateLimiting();
        app.UseAuthorization();
        return app;
    }

    // Programs send Authorization: Bearer; a browser sends the HttpOnly login cookie, and a
    // browser's WebSocket, which cannot set headers, the access_token query parameter.
    private static Task ReadTokenFromCookieOrQuery(MessageReceivedContext context)
    {
        var request = context.Request;
        if (!request.Headers.Authorization.Any())
        {
            if (request.Cookies.TryGetValue(TokenService.Cookie, out var cookie))
            {
                context.Token = cookie;
            }
            else if (request.Path.StartsWithSegments("/ws") && request.Query.TryGetValue("access_token", out var query))
            {
                context.Token = query.ToString();
            }
        }

        return Task.CompletedTask;
    }

    private static string Why(JwtBearerChallengeContext context) => context.AuthenticateFailure switch
    {
        null => "a bearer token is required (Authorization: Bearer, or the login cookie); get one from POST /auth/token",
        SecurityTokenExpiredException => "the token has expired; get a new one from POST /auth/token",
        TokenRevokedException => "the token has been revoked, or the API key it was issued for has been deleted; get a new one from POST /auth/token with a valid key",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with a key the cluster does not accept (unknown or retired kid)",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        _ => "the token is invalid",
    };

    // Read as the API document reads it (EndpointRoles), so a 403 names the role the document names.
    private static string RequiredRole(HttpContext context) =>
        (context.GetEndpoint() is { } endpoint ? EndpointRoles.Of(endpoint.Metadata) : null) ?? AriaRoles.Viewer;

    private static async Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
