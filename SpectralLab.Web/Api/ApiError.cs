namespace SpectralLab.Web.Api;

/// <summary>The body of every API error: one sentence saying what is wrong and how to fix it.</summary>
public sealed record ApiError(string Error)
{
    public static IResult NotFound(string message) => Results.Json(new ApiError(message), statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string message) => Results.Json(new ApiError(message), statusCode: StatusCodes.Status400BadRequest);
}
