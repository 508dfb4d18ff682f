using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Lab;

/// <summary>Where the lab's one flexibility analysis stands.</summary>
public enum FlexibilityPhase { Idle, Gathering, Fitting, Finished, Stopped, Failed }

/// <summary>
/// The analysis's progress: its key, phase, cells done of the total, the cell being fitted ("Laplacian × poly1"), and,
/// when it failed, the sentence saying why.
/// </summary>
public sealed record FlexibilityProgress(string? Key, FlexibilityPhase Phase, int Done, int Total, string? Current, string? Problem)
{
    public static FlexibilityProgress Idle { get; } = new(null, FlexibilityPhase.Idle, 0, 0, null, null);

    public bool Running => Phase is FlexibilityPhase.Gathering or FlexibilityPhase.Fitting;
}

/// <summary>
/// One change of the analysis: its progress, its report so far (the targets and the cells found; null while the
/// targets are being gathered), and the cell that has just finished, if any.
/// </summary>
public sealed record FlexibilityUpdate(FlexibilityProgress Progress, FlexibilityReport? Report, FlexibilityCell? Finished);

/// <summary>A picture of a cell's detail with the values its colour scale spans.</summary>
public sealed record FlexibilityFigure(string Title, string Caption, PlaygroundFigure Figure);

/// <summary>
/// What one cell's fit looks like: target, fit and residual (fit − target) as magnitude and phase, both spatial
/// kernels around the origin, the test digit filtered by each, and the fit as the playground takes it (null for the
/// free family, or a report stored before fits kept their parameters).
/// </summary>
public sealed record FlexibilityCellDetail(string Target, string Family, double Residual, double Psnr, int Parameters,
    IReadOnlyList<FlexibilityFigure> Spectra, IReadOnlyList<FlexibilityFigure> Kernels, IReadOnlyList<FlexibilityFigure> Digits, FilterSpec? Playground);

/// <summary>
/// The lab's flexibility analysis (docs/flexibility.md): one at a time, on a thread of its own, stoppable; every cell
/// stored as it finishes, so the page opens on the last results at once.
/// </summary>
public interface IFlexibilityAnalysis
{
    /// <summary>The running analysis's progress, or the last one's.</summary>
    FlexibilityProgress Progress { get; }

    /// <summary>The running (or last) analysis's report so far; null before the first.</summary>
    FlexibilityReport? Report { get; }

    /// <summary>Starts the plan; null when it has started, else one sentence saying why not.</summary>
    string? Start(FlexibilityPlan plan);

    /// <summary>Asks the running analysis to stop after the cell in hand; the cells found so far stay stored.</summary>
    void Stop();

    /// <summary>Calls <paramref name="listener"/> on the analysis's thread at every change; keep it short. Dispose to stop listening.</summary>
    IDisposable Subscribe(Action<FlexibilityUpdate> listener);

    /// <summary>The keys of the stored analyses, newest first.</summary>
    IReadOnlyList<string> StoredKeys();

    /// <summary>A stored analysis, or null when there is none (or it cannot be read).</summary>
    Task<FlexibilityReport?> StoredAsync(string key);

    /// <summary>The pictures of one cell, drawn off the caller's thread.</summary>
    Task<Answer<FlexibilityCellDetail>> DetailAsync(FlexibilityReport report, int target, string family);
}
