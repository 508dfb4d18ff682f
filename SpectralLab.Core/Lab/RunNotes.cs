using SpectralLab.Core.Runs;

namespace SpectralLab.Core.Lab;

/// <summary><see cref="IRunNotes"/> over the run store, on the thread pool (SQLite's driver has no asynchronous I/O).</summary>
public sealed class RunNotes(IRunStore store) : IRunNotes
{
    public Task<CommandResult> SetLabelsAsync(long run, string notes, IReadOnlyList<string> tags) => Task.Run(() =>
    {
        if (RunLabels.Problem(notes, tags) is { } problem) return CommandResult.Refused(problem);
        try
        {
            return store.SetLabels(run, notes, tags)
                ? new CommandResult(true, $"Saved run {run}'s notes and tags.")
                : CommandResult.Refused($"There is no run {run}; it may have been deleted.");
        }
        catch (RunStoreException e)
        {
            return CommandResult.Refused(e.Message);
        }
    });
}
