using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>What a run's files say, or the one sentence saying why there is nothing to give.</summary>
public sealed record Download<T>(T? Value, string? Problem) where T : class
{
    public static Download<T> Refused(string problem) => new(null, problem);
}

/// <summary>
/// A run to take away: its per-step losses page by page, its kept checkpoints, and its weights exported for PyTorch. The
/// export's tensor work runs on a thread of its own, one export at a time, never on the caller's (request) thread.
/// </summary>
public sealed class RunDownloads(IRunStore store)
{
    /// <summary>Steps per page when a run's steps are streamed: a 50-epoch run has ~23,000.</summary>
    public const int StepPage = 4096;

    readonly SemaphoreSlim exporting = new(1, 1);

    public Task<StoredRun?> RunAsync(long run) => Task.Run(() => store.Find(run));

    /// <summary>Up to <see cref="StepPage"/> steps after <paramref name="after"/>, off the caller's thread.</summary>
    public Task<IReadOnlyList<StepRecord>> StepsAsync(StoredRun run, int after) => Task.Run(() => store.Steps(run.Id, run.StepsPerEpoch, after, StepPage));

    /// <summary>The run's <paramref name="which"/> checkpoint (a file, or rows of a shared store).</summary>
    public Download<CheckpointCandidate> Checkpoint(long run, CheckpointChoice which)
    {
        if (store.Find(run) is null) return Download<CheckpointCandidate>.Refused($"There is no run {run}.");
        if (store.CheckpointOf(run).Find(which) is { } checkpoint) return new(checkpoint, null);
        return Download<CheckpointCandidate>.Refused(which == CheckpointChoice.Best
            ? $"Run {run} has no best checkpoint: none of its epochs ended since checkpoints were kept."
            : $"Run {run} has no checkpoint: it stopped before its first epoch ended.");
    }

    /// <summary>
    /// The run's <paramref name="which"/> checkpoint's weights in <paramref name="format"/>, written to <paramref name="output"/>
    /// on the calling thread, which must own its tensors (a verb's thread). Returns the problem, or null once written.
    /// </summary>
    public string? Export(long run, CheckpointChoice which, ExportFormat format, Stream output)
    {
        var checkpoint = Checkpoint(run, which);
        if (checkpoint.Value is null) return checkpoint.Problem;
        try
        {
            WeightsExport.Write(store.Find(run)!.Model, checkpoint.Value.Name, checkpoint.Value.Open, format, output);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return $"Run {run}'s {which.ToString().ToLowerInvariant()} checkpoint cannot be exported: {e.Message.TrimEnd('.')}.";
        }
    }

    /// <summary>The export as bytes, made on a thread of its own (one export at a time: the others wait their turn).</summary>
    public async Task<Download<byte[]>> ExportAsync(long run, CheckpointChoice which, ExportFormat format)
    {
        await exporting.WaitAsync();
        try
        {
            return await OnOwnThread(() =>
            {
                using var bytes = new MemoryStream();
                return Export(run, which, format, bytes) is { } problem ? Download<byte[]>.Refused(problem) : new(bytes.ToArray(), null);
            });
        }
        finally { exporting.Release(); }
    }

    /// <summary>Dispose scopes are per thread: the export's tensors live and die on this one.</summary>
    static Task<T> OnOwnThread<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        }) { IsBackground = true, Name = "SpectralLab export" }.Start();
        return done.Task;
    }
}
