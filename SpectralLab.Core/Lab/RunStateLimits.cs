namespace SpectralLab.Core.Lab;

/// <summary>
/// What one copy of a run's state may hold, whatever the run's length: the hub's history and every tab's view alike.
/// </summary>
/// <param name="Snapshots">Snapshots kept in full: the first, the newest, and a spread of the rest.</param>
/// <param name="LossPoints">Points of the per-step loss curve (see <see cref="StepSeries"/>).</param>
/// <param name="PictureSets">Snapshots whose pictures a tab keeps ready as data URIs.</param>
public sealed record RunStateLimits(int Snapshots = 48, int LossPoints = 1024, int PictureSets = 4)
{
    public static RunStateLimits Default { get; } = new();
}
