using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Support;

/// <summary>Runs put straight into a run store, with or without a checkpoint, for the pages and queries that read them.</summary>
public static class StoredRuns
{
    public static long Create(SqliteRunStore store, string model) =>
        store.CreateRun(new RunInfo(0, new TrainingOptions { Model = model }, model, 1, "MNIST", 100, 10, 10, DateTimeOffset.UtcNow));

    /// <summary>Saves a freshly built <paramref name="model"/>, changed by <paramref name="edit"/>, as the run's checkpoint of <paramref name="epoch"/>.</summary>
    public static void SaveCheckpoint(SqliteRunStore store, long run, string model, int epoch = 1, Action<Autoencoder>? edit = null)
    {
        using var scope = NewDisposeScope();
        using var built = ModelCatalog.Find(model)!.Create();
        edit?.Invoke(built);
        using var optimizer = optim.Adam(built.parameters());
        var reached = new CheckpointInfo(epoch, epoch * 10);
        store.CheckpointOf(run).Write(reached, validationLoss: 0.1, stream => Checkpoint.Save(stream, reached, built, optimizer));
    }

    public static long WithCheckpoint(SqliteRunStore store, string model)
    {
        long run = Create(store, model);
        SaveCheckpoint(store, run, model);
        return run;
    }
}
