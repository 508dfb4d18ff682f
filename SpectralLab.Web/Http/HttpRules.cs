namespace SpectralLab.Web.Http;

/// <summary>The lab's rules for every request, before routing: headers, HEAD, and where circuits may come from.</summary>
public static class HttpRules
{
    /// <summary>Every response says not to sniff content types and to send no referrer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    });

    /// <summary>HEAD is answered wherever GET is, as GET without a body.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try { await next(context); }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });

    /// <summary>
    /// Blazor's circuits (/_blazor, WebSocket or not) are opened only by the lab's own pages: a browser sends the page's
    /// Origin, and a page of another site must not drive the lab with the user's cookie.
    /// </summary>
    public static IApplicationBuilder UseSameOriginCircuits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (context.Request.Path.StartsWithSegments("/_blazor") && origin.Length > 0 && !IsSameOrigin(origin, context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync($"Connections from {origin} are refused: open the lab from its own address.");
            return;
        }
        await next(context);
    });

    static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
