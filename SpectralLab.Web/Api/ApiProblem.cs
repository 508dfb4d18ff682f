namespace SpectralLab.Web.Api;

/// <summary>API errors as RFC 9457 problem details, with one sentence saying what is wrong and how to fix it as the detail.</summary>
public static class ApiProblem
{
    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    /// <summary>Any /api path no endpoint matches, a run id that is not a number among them.</summary>
    public static IEndpointRouteBuilder MapApiFallback(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**path}", (HttpContext context) =>
            NotFound($"No API route matches {context.Request.Path}; run ids are whole numbers, and GET /api/runs lists the runs."))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get])); // another method on a known route is a 405, not a 404
        return app;
    }
}
