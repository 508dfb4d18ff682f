using SpectralLab.Core.Lab;

namespace SpectralLab.Web.Api;

/// <summary>Read-only JSON about the learned filters of the run in progress (or the last one).</summary>
public static class FilterEndpoints
{
    public static IEndpointRouteBuilder MapFilterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/current/filters", (ILiveFeed feed, IRunQueries queries, string? step) => CurrentFilters(feed.History(), queries, step));
        return app;
    }

    /// <summary>The newest snapshot's filters, or those of the snapshot taken at <paramref name="step"/>: kept live, else stored.</summary>
    static async Task<IResult> CurrentFilters(LabHistory history, IRunQueries queries, string? step)
    {
        if (!RunEndpoints.TryParseStep(step, out int? wanted, out var problem)) return problem!;
        if (history.Run is not { } run || history.Snapshots.Count == 0)
            return ApiProblem.NotFound("No run has taken a snapshot yet; start one in the lab.");
        var snapshot = wanted is { } s
            ? history.Snapshots.LastOrDefault(x => x.Step == s) ?? await queries.SnapshotAsync(run.Number, s)
            : history.Snapshots[^1];
        if (snapshot is null)
        {
            var steps = history.Snapshots.Select(x => x.Step).Union(await queries.SnapshotStepsAsync(run.Number)).Order();
            return ApiProblem.NotFound($"This run has no snapshot at step {wanted}; snapshots exist at steps {string.Join(", ", steps)}.");
        }
        return Results.Json(FiltersResponse.From(run, snapshot));
    }
}
