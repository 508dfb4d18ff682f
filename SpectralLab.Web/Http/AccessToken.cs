namespace SpectralLab.Web.Http;

/// <summary>
/// Asks for the access token when <see cref="AccessPolicy.Required"/>: from the ?token= of the address the lab printed
/// (then kept in an HttpOnly, SameSite cookie and dropped from the address), the cookie, or an Authorization: Bearer
/// header. Anything else answers 401 with one sentence, for pages, circuits, assets and the API alike.
/// </summary>
public static class AccessToken
{
    const string Refusal = "This lab asks for its access token: open the address it printed at start (ending in ?token=…), or send the token as 'Authorization: Bearer …'.";

    public static IApplicationBuilder UseAccessToken(this IApplicationBuilder app, AccessPolicy policy)
    {
        if (!policy.Required) return app;
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Query.TryGetValue("token", out var offered))
            {
                if (!policy.Accepts(offered.ToString()))
                {
                    await RefuseAsync(context);
                    return;
                }
                context.Response.Cookies.Append(AccessPolicy.CookieName, policy.Token, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, Path = "/", IsEssential = true,
                });
                var query = QueryString.Create(request.Query.Where(q => q.Key != "token"));
                context.Response.Redirect(request.PathBase + request.Path + query); // the token leaves the address bar and the history
                return;
            }
            string? bearer = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;
            if (policy.Accepts(request.Cookies[AccessPolicy.CookieName]) || policy.Accepts(bearer))
            {
                await next(context);
                return;
            }
            await RefuseAsync(context);
        });
    }

    static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Request.Path.StartsWithSegments("/api")
            ? context.Response.WriteAsJsonAsync(new { title = "Unauthorized", status = 401, detail = Refusal }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json")
            : context.Response.WriteAsync(Refusal);
    }
}
