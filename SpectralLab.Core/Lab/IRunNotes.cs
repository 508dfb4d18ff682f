namespace SpectralLab.Core.Lab;

/// <summary>What screens use to write a stored run's notes and tags.</summary>
public interface IRunNotes
{
    /// <summary>Replaces run <paramref name="run"/>'s notes and tags; refused with one sentence when they are out of bounds or the run is gone.</summary>
    Task<CommandResult> SetLabelsAsync(long run, string notes, IReadOnlyList<string> tags);
}
