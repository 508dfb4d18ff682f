using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>
/// Trains the reproduction's variants one after another on the calling thread (every torch call of a run happens
/// there), each stored as a run in the lab's database with its steps, epochs and epoch-end snapshots so that it shows
/// in /runs, then writes the report folder from what was stored. Stopping ends the current run as Stopped, trains no
/// further variant, and still writes the report of what was done.
/// </summary>
/// <param name="stateDirectory">The lab's state directory: the run database is there.</param>
public sealed class Reproducer(string stateDirectory)
{
    readonly RunStore store = new(Path.Combine(stateDirectory, LabOptions.DatabaseFile));

    public string DatabasePath => store.Path;

    /// <param name="progress">Each variant's events as they happen, on this thread: run started, steps, epochs, its end.</param>
    public ReproductionReport Run(Dataset data, TrainingOptions settings, string reportFolder, Action<string, LabEvent> progress, CancellationToken cancellation)
    {
        var runs = new List<ReportedRun>();
        var lastSnapshots = new Dictionary<string, Snapshot>();
        foreach (var variant in ReproductionPlan.Variants)
        {
            if (cancellation.IsCancellationRequested) break;
            long id = Train(data, settings with { Model = variant.Model }, labEvent => progress(variant.Model, labEvent), cancellation);
            runs.Add(ReportedRun.Of(variant, store.Find(id)!, store.Epochs(id)));
            if (store.SnapshotAt(id, null) is { EpochEnd: true } last) lastSnapshots[variant.Model] = last;
        }
        var resolved = RunInfo.Starting(settings, "", data); // the image counts every variant trained on
        var report = ReproductionReport.Of(settings, data.Name, resolved.TrainImages, resolved.TestImages, runs);
        ReportFolder.Write(reportFolder, report, lastSnapshots);
        return report;
    }

    /// <summary>One variant's run, stored as the lab stores its own; returns the run's id.</summary>
    long Train(Dataset data, TrainingOptions options, Action<LabEvent> publish, CancellationToken cancellation)
    {
        var descriptor = ModelCatalog.Find(options.Model)!;
        var info = RunInfo.Starting(options, descriptor.DisplayName, data);
        long id = store.CreateRun(info);
        try
        {
            manual_seed(options.Seed);
            using var model = descriptor.Create();
            store.SetParameters(id, model.ParameterCount);
            publish(new RunStarted(info with { Number = (int)id, Parameters = model.ParameterCount }));
            using var snapshotter = new Snapshotter(model, data.Test);
            var recorder = new RunRecorder(snapshotter, TimeSpan.MaxValue, store, id, publish); // epoch ends only: 50 epochs stay small
            recorder.TakeInitial();
            var result = new Trainer(model, data, options).Run(recorder, cancellation);
            recorder.Flush();
            store.SetStatus(id, result.Outcome.Ending(), result.Reason);
            publish(new StateChanged(result.Outcome.Ending(), result.Reason));
            return id;
        }
        catch (Exception e) when (e is not RunStoreException)
        {
            store.SetStatus(id, TrainingState.Failed, $"The run failed: {e.Message}");
            throw;
        }
    }
}
