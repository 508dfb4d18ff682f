using Microsoft.Extensions.Options;

using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>The lab's settings, from the "SpectralLab" configuration section.</summary>
public sealed class LabOptions
{
    public const string Section = "SpectralLab";

    /// <summary>A folder with the four IDX files; empty for $SPECTRALLAB_DATA or the packaged MNIST.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Torch threads; by default one core is left to the web server so the page stays responsive.</summary>
    public int TorchThreads { get; set; } = Runtime.TorchThreads.DefaultForServing;

    /// <summary>Where the run database and checkpoints live.</summary>
    public string StateDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SpectralLab");

    /// <summary>The run database's file in <see cref="StateDirectory"/>.</summary>
    public const string DatabaseFile = "spectrallab.db";

    /// <summary>
    /// A PostgreSQL connection string for a run store shared with training workers (the `worker` verb); unset for the
    /// embedded database in <see cref="StateDirectory"/>, trained in the lab's own process.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>The run store these settings name: the shared database of <see cref="Store"/>, or the embedded one.</summary>
    public Runs.IRunStore OpenStore() => RunStores.Open(Store, StateDirectory);

    /// <summary>Whether runs are trained by workers sharing <see cref="Store"/> rather than in this process.</summary>
    public bool SharesStore => !string.IsNullOrWhiteSpace(Store);

    /// <summary>
    /// Seconds after which a run whose worker stopped renewing it (killed, its machine gone) goes to another worker; a
    /// living worker renews its run all along, so a run of any length is never taken twice.
    /// </summary>
    public double WorkerTakeoverSeconds { get; set; } = 300;

    /// <summary>The workers' queue in <see cref="Store"/>; only for a shared store.</summary>
    public Workers.TrainingQueue OpenQueue() => new(Store!, TimeSpan.FromSeconds(WorkerTakeoverSeconds));

    /// <summary>
    /// Epochs whose own checkpoint a run keeps, newest first, besides its newest and its best epoch's (each ~3× the model's
    /// parameters in bytes: Adam's two moments ride along); 0 for none.
    /// </summary>
    public int KeptEpochCheckpoints { get; set; } = 3;

    /// <summary>Seconds of training between two snapshots (epoch ends always take one).</summary>
    public double SnapshotSeconds { get; set; } = 2;

    /// <summary>Snapshots the hub and each tab keep in full (the rest stay in the store, epoch ends included).</summary>
    public int KeptSnapshots { get; set; } = RunStateLimits.Default.Snapshots;

    /// <summary>Points of the per-step loss curve kept in memory; older steps merge into wider buckets.</summary>
    public int LossCurvePoints { get; set; } = RunStateLimits.Default.LossPoints;

    /// <summary>Snapshots whose pictures a tab keeps encoded for the page.</summary>
    public int CachedPictureSets { get; set; } = RunStateLimits.Default.PictureSets;

    /// <summary>Seconds between two memory lines in the log (managed heap after a full collection, resident memory); 0 for none.</summary>
    public double MemoryReportSeconds { get; set; }

    /// <summary>Megabytes training may use; unset for 60% of the machine's memory (or of the process's cgroup limit).</summary>
    public double? MemoryBudgetMegabytes { get; set; }

    public MemoryBudget MemoryBudget => MemoryBudget.For(MemoryBudgetMegabytes);

    public RunStateLimits Limits => new(KeptSnapshots, LossCurvePoints, CachedPictureSets);
}

/// <summary>Names the bad key and what it accepts, so a misconfigured lab fails at start-up with one clear line.</summary>
public sealed class LabOptionsValidator : IValidateOptions<LabOptions>
{
    public ValidateOptionsResult Validate(string? name, LabOptions options)
    {
        var failures = new List<string>();
        if (!double.IsFinite(options.WorkerTakeoverSeconds) || options.WorkerTakeoverSeconds < 5)
            failures.Add($"{LabOptions.Section}:{nameof(LabOptions.WorkerTakeoverSeconds)} must be at least 5 seconds (got {options.WorkerTakeoverSeconds}).");
        if (!double.IsFinite(options.SnapshotSeconds) || options.SnapshotSeconds <= 0)
            failures.Add($"{LabOptions.Section}:{nameof(LabOptions.SnapshotSeconds)} must be a positive number of seconds (got {options.SnapshotSeconds}).");
        foreach (var (key, value, least) in new[]
                 {
                     (nameof(LabOptions.TorchThreads), options.TorchThreads, 1),
                     (nameof(LabOptions.KeptSnapshots), options.KeptSnapshots, 2),
                     (nameof(LabOptions.LossCurvePoints), options.LossCurvePoints, 2),
                     (nameof(LabOptions.CachedPictureSets), options.CachedPictureSets, 1),
                     (nameof(LabOptions.KeptEpochCheckpoints), options.KeptEpochCheckpoints, 0),
                 })
            if (value < least)
                failures.Add($"{LabOptions.Section}:{key} must be at least {least} (got {value}).");
        if (!double.IsFinite(options.MemoryReportSeconds) || options.MemoryReportSeconds < 0)
            failures.Add($"{LabOptions.Section}:{nameof(LabOptions.MemoryReportSeconds)} must be 0 (no report) or a positive number of seconds (got {options.MemoryReportSeconds}).");
        if (options.MemoryBudgetMegabytes is { } budget && (!double.IsFinite(budget) || budget < 256))
            failures.Add($"{LabOptions.Section}:{nameof(LabOptions.MemoryBudgetMegabytes)} must be at least 256 megabytes, or unset for 60% of the machine's memory (got {budget}).");
        if (string.IsNullOrWhiteSpace(options.StateDirectory))
            failures.Add($"{LabOptions.Section}:{nameof(LabOptions.StateDirectory)} must name a folder for the run database and checkpoints.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
