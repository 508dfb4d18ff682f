using System.Globalization;
using System.Text;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Api;

/// <summary>A run to take away: per-step losses as CSV, its checkpoints, and its weights for PyTorch.</summary>
public static class RunDownloadEndpoints
{
    public static RouteGroupBuilder MapRunDownloads(this RouteGroupBuilder runs)
    {
        runs.MapGet("/{id:long}/steps.csv", async (RunDownloads downloads, long id) =>
            await downloads.RunAsync(id) is { } run
                ? Results.Stream(stream => WriteStepsCsv(downloads, run, stream), "text/csv", $"run-{id}-steps.csv")
                : NoRun(id));
        runs.MapGet("/{id:long}/checkpoint", (RunDownloads downloads, long id, string? which) =>
        {
            if (!TryParse(which, out CheckpointChoice choice, out var problem)) return problem!;
            var checkpoint = downloads.Checkpoint(id, choice);
            return checkpoint.Value is { } found
                ? Results.Stream(found.Open(), "application/octet-stream", $"run-{id}-{choice.ToString().ToLowerInvariant()}.ckpt")
                : ApiProblem.NotFound(checkpoint.Problem!);
        });
        runs.MapGet("/{id:long}/export", async (RunDownloads downloads, long id, string? format, string? which) =>
        {
            if (!TryParse(format, out ExportFormat wanted, out var problem, required: true) || !TryParse(which, out CheckpointChoice choice, out problem)) return problem!;
            var export = await downloads.ExportAsync(id, choice, wanted);
            return export.Value is { } bytes
                ? Results.File(bytes, "application/octet-stream", $"run-{id}-{choice.ToString().ToLowerInvariant()}{WeightsExport.Extension(wanted)}")
                : ApiProblem.NotFound(export.Problem!);
        });
        return runs;
    }

    static IResult NoRun(long id) => ApiProblem.NotFound($"There is no run {id}; GET /api/runs lists them.");

    /// <summary>One row per step, written page by page so a long run never sits in memory whole.</summary>
    static async Task WriteStepsCsv(RunDownloads downloads, StoredRun run, Stream stream)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync("step,epoch,loss,ms\n");
        int after = 0;
        for (IReadOnlyList<StepRecord> page; (page = await downloads.StepsAsync(run, after)).Count > 0; after = page[^1].Step)
        {
            var rows = new StringBuilder();
            foreach (var s in page) rows.Append(CultureInfo.InvariantCulture, $"{s.Step},{s.Epoch},{s.Loss:R},{s.Milliseconds:R}\n");
            await writer.WriteAsync(rows);
        }
    }

    /// <summary>A choice given in a query string by its name in lower case (latest|best, pt|safetensors); absent means the first one unless required.</summary>
    public static bool TryParse<T>(string? text, out T value, out IResult? problem, bool required = false) where T : struct, Enum
    {
        (value, problem) = (default, null);
        string name = typeof(T) == typeof(CheckpointChoice) ? "which" : "format";
        string choices = string.Join("|", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        if (text is null && !required) return true;
        if (text is not null && Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            value = Enum.Parse<T>(known);
            return true;
        }
        problem = ApiProblem.BadRequest(text is null ? $"{name} is required: add ?{name}={choices.Split('|')[0]} (one of {choices})." : $"{name} must be one of {choices} (got '{text}').");
        return false;
    }
}
