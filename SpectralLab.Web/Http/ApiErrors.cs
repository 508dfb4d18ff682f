using SpectralLab.Core.Runs;

namespace SpectralLab.Web.Http;

/// <summary>
/// Every error under /api is a JSON problem (RFC 9457), never an HTML page or an empty body: an empty error status gets
/// a sentence for its code, and an exception gets a 500 whose detail is the run store's own sentence when the store failed.
/// </summary>
public static class ApiErrors
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services) => services.AddProblemDetails(problems =>
        problems.CustomizeProblemDetails = context =>
        {
            if (context.Exception is RunStoreException failure) context.ProblemDetails.Detail = failure.Message;
            else if (context.ProblemDetails.Detail is null && Sentences.TryGetValue(context.HttpContext.Response.StatusCode, out var sentence))
                context.ProblemDetails.Detail = sentence;
        });

    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });

    static readonly Dictionary<int, string> Sentences = new()
    {
        [StatusCodes.Status405MethodNotAllowed] = "The API only reads: use GET (or HEAD).",
        [StatusCodes.Status500InternalServerError] = "The lab failed to answer; its log says why.",
    };
}
