using System.Globalization;
using System.Text;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Api;

/// <summary>Read-only JSON, CSV and PNG about stored runs. Ids are the run store's.</summary>
public static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs");
        runs.MapGet("", (RunStore store) => Results.Json(store.List()));
        runs.MapGet("/{id}", (RunStore store, string id) => WithRun(store, id, run => Results.Json(new { run, epochs = store.Epochs(run.Id) })));
        runs.MapGet("/{id}/metrics.csv", (RunStore store, string id) => WithRun(store, id, run => Results.Text(MetricsCsv(store.Epochs(run.Id)), "text/csv")));
        runs.MapGet("/{id}/filters", (RunStore store, string id, string? step) => WithRun(store, id, run =>
            WithSnapshot(store, run, step, snapshot => Results.Json(FiltersResponse.From(run.ToRunInfo(run.Model), snapshot)))));
        runs.MapGet("/{id}/reconstructions.png", (RunStore store, string id, string? step) => WithRun(store, id, run =>
            WithSnapshot(store, run, step, snapshot => Results.File(snapshot.ReconstructionPng, "image/png", $"run-{run.Id}-step-{snapshot.Step}-reconstructions.png"))));
        return app;
    }

    /// <summary>One row per epoch: what a spreadsheet or a plotting script wants.</summary>
    public static string MetricsCsv(IReadOnlyList<EpochRecord> epochs)
    {
        var csv = new StringBuilder("epoch,train_loss,val_loss,seconds\n");
        foreach (var e in epochs)
            csv.Append(CultureInfo.InvariantCulture, $"{e.Epoch},{e.TrainLoss:R},{e.ValidationLoss:R},{e.Seconds:R}\n");
        return csv.ToString();
    }

    static IResult WithRun(RunStore store, string id, Func<StoredRun, IResult> found)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long runId))
            return ApiError.BadRequest($"A run id is a whole number (got '{id}'); GET /api/runs lists them.");
        return store.Find(runId) is { } run ? found(run) : ApiError.NotFound($"There is no run {runId}; GET /api/runs lists them.");
    }

    static IResult WithSnapshot(RunStore store, StoredRun run, string? step, Func<Snapshot, IResult> found)
    {
        var snapshots = store.Snapshots(run.Id);
        if (step is null)
            return snapshots.Count > 0 ? found(snapshots[^1]) : ApiError.NotFound($"Run {run.Id} has no stored snapshot yet.");
        if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out int wanted))
            return ApiError.BadRequest($"step must be a whole number of steps, 0 or more (got '{step}').");
        return snapshots.FirstOrDefault(s => s.Step == wanted) is { } snapshot
            ? found(snapshot)
            : ApiError.NotFound($"Run {run.Id} has no snapshot at step {wanted}; it has them at steps {string.Join(", ", snapshots.Select(s => s.Step))}.");
    }
}
