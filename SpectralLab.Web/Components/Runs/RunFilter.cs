using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Components.Runs;

/// <summary>
/// Which runs the runs table shows: every word of <see cref="Text"/> found (ignoring case) in the run's model, dataset,
/// tags or notes, and the model and status when one is chosen.
/// </summary>
public sealed record RunFilter(string Text = "", string Model = "", string Status = "")
{
    /// <summary>Enough for a few words; a longer filter is cut here rather than matched against every row.</summary>
    public const int MostCharacters = 200;

    public bool Matches(StoredRun run) =>
        (Model.Length == 0 || run.Model == Model)
        && (Status.Length == 0 || run.Status.ToString() == Status)
        && Words.All(word => Searchable(run).Any(field => field.Contains(word, StringComparison.OrdinalIgnoreCase)));

    IEnumerable<string> Words => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static IEnumerable<string> Searchable(StoredRun run) => [run.Model, run.Dataset, run.Notes, .. run.Tags];

    public static IReadOnlyList<string> Statuses { get; } = Enum.GetNames<TrainingState>().Where(s => s != nameof(TrainingState.Idle)).ToList();
}
