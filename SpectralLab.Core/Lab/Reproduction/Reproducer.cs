using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>
/// Trains the reproduction's variants one after another on the calling thread (every torch call of a run happens
/// there), each stored as a run in the lab's database (<see cref="StoredTraining"/>) so that it shows in /runs, then
/// writes the report folder from what was stored. Stopping ends the current run as Stopped, trains no further variant,
/// and still writes the report of what was done.
/// </summary>
/// <param name="stateDirectory">The lab's state directory: the run database is there.</param>
public sealed class Reproducer(string stateDirectory)
{
    readonly StoredTraining runs = new(RunStores.Open(null, stateDirectory));

    public string DatabasePath => runs.DatabasePath;

    /// <param name="progress">Each variant's events as they happen, on this thread: run started, steps, epochs, its end.</param>
    public ReproductionReport Run(Dataset data, TrainingOptions settings, string reportFolder, Action<string, LabEvent> progress, CancellationToken cancellation)
    {
        var reported = new List<ReportedRun>();
        var lastSnapshots = new Dictionary<string, Snapshot>();
        foreach (var variant in ReproductionPlan.Variants)
        {
            if (cancellation.IsCancellationRequested) break;
            long id = Train(data, settings with { Model = variant.Model }, labEvent => progress(variant.Model, labEvent), cancellation);
            reported.Add(ReportedRun.Of(variant, runs.Find(id)!, runs.Epochs(id)));
            if (runs.LastSnapshot(id) is { EpochEnd: true } last) lastSnapshots[variant.Model] = last;
        }
        var resolved = RunInfo.Starting(settings, "", data); // the image counts every variant trained on
        var report = ReproductionReport.Of(settings, data.Name, resolved.TrainImages, resolved.TestImages, reported);
        ReportFolder.Write(reportFolder, report, lastSnapshots);
        return report;
    }

    /// <summary>One variant's run, stored as the lab stores its own; returns the run's id.</summary>
    long Train(Dataset data, TrainingOptions options, Action<LabEvent> publish, CancellationToken cancellation)
    {
        manual_seed(options.Seed);
        using var model = ModelCatalog.Find(options.Model)!.Create();
        runs.Train(model, data, options, observer: null, publish, cancellation);
        return runs.LastRun!.Value;
    }
}
