using System.Globalization;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Api;

/// <summary>Read-only JSON about the learned filters.</summary>
public static class FilterEndpoints
{
    public static IEndpointRouteBuilder MapFilterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/current/filters", (ILiveFeed feed, string? step) => CurrentFilters(feed.History(), step));
        return app;
    }

    /// <summary>The newest snapshot's filters, or those of the snapshot taken at <paramref name="step"/>.</summary>
    static IResult CurrentFilters(LabHistory history, string? step)
    {
        int? wanted = null;
        if (step is not null)
        {
            if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
                return ApiError.BadRequest($"step must be a whole number of steps, 0 or more (got '{step}').");
            wanted = parsed;
        }
        if (history.Run is not { } run || history.Snapshots.Count == 0)
            return ApiError.NotFound("No run has taken a snapshot yet; start one in the lab.");
        var snapshot = wanted is { } s ? history.Snapshots.LastOrDefault(x => x.Step == s) : history.Snapshots[^1];
        if (snapshot is null)
            return ApiError.NotFound($"This run has no snapshot at step {wanted}; snapshots exist at steps {string.Join(", ", history.Snapshots.Select(x => x.Step))}.");
        return Results.Json(FiltersResponse.From(run, snapshot));
    }
}
