using System.Globalization;
using System.Text;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Api;

/// <summary>Read-only JSON, CSV and PNG about stored runs. Ids are the run store's.</summary>
public static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs");
        runs.MapGet("", async (IRunQueries queries) => Results.Json(await queries.RunsAsync()));
        runs.MapGet("/{id:long}", (IRunQueries queries, long id) => WithRun(queries, id, async run => Results.Json(new { run, epochs = await queries.EpochsAsync(id) })));
        runs.MapGet("/{id:long}/metrics.csv", (IRunQueries queries, long id) => WithRun(queries, id, async run => Results.Text(MetricsCsv(await queries.EpochsAsync(id)), "text/csv")));
        runs.MapGet("/{id:long}/filters", (IRunQueries queries, long id, string? step) => WithRun(queries, id, run =>
            WithSnapshot(queries, run, step, snapshot => Results.Json(FiltersResponse.From(run.ToRunInfo(run.Model), snapshot)))));
        runs.MapGet("/{id:long}/reconstructions.png", (IRunQueries queries, long id, string? step) => WithRun(queries, id, run =>
            WithSnapshot(queries, run, step, snapshot => Results.File(snapshot.ReconstructionPng, "image/png", $"run-{run.Id}-step-{snapshot.Step}-reconstructions.png"))));
        runs.MapRunDownloads();
        app.MapGet("/api/workers", async (IRunQueries queries) => Results.Json(await queries.WorkersAsync()));
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

    /// <summary>A step given in a query string: absent, or a whole number of steps.</summary>
    public static bool TryParseStep(string? step, out int? parsed, out IResult? problem)
    {
        (parsed, problem) = (null, null);
        if (step is null) return true;
        if (int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            parsed = value;
            return true;
        }
        problem = ApiProblem.BadRequest($"step must be a whole number of steps, 0 or more (got '{step}').");
        return false;
    }

    static async Task<IResult> WithRun(IRunQueries queries, long id, Func<StoredRun, Task<IResult>> found) =>
        await queries.RunAsync(id) is { } run ? await found(run) : ApiProblem.NotFound($"There is no run {id}; GET /api/runs lists them.");

    static async Task<IResult> WithSnapshot(IRunQueries queries, StoredRun run, string? step, Func<Snapshot, IResult> found)
    {
        if (!TryParseStep(step, out int? wanted, out var problem)) return problem!;
        if (await queries.SnapshotAsync(run.Id, wanted) is { } snapshot) return found(snapshot);
        if (wanted is null) return ApiProblem.NotFound($"Run {run.Id} has no stored snapshot yet.");
        return ApiProblem.NotFound($"Run {run.Id} has no snapshot at step {wanted}; it has them at steps {string.Join(", ", await queries.SnapshotStepsAsync(run.Id))}.");
    }
}
