using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Core.Runs;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>
/// A run the training verbs' store path (<see cref="StoredTraining"/>) is training in this process, and a real lab started
/// on the same folder meanwhile: the lab marks Interrupted the run a dead process left, never the one still training.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class VerbRunBesideLabTests
{
    /// <summary>Holds the training thread at the end of the first epoch until the test lets it go.</summary>
    sealed class HoldAfterFirstEpoch : ITrainingObserver
    {
        public readonly ManualResetEventSlim EpochEnded = new(), Release = new();

        public void OnStep(StepRecord step) { }

        public void OnEpoch(EpochRecord epoch)
        {
            if (epoch.Epoch != 1) return;
            EpochEnded.Set();
            Release.Wait(TimeSpan.FromMinutes(5));
        }
    }

    [Fact]
    public async Task LabStartsWhileAVerbTrains_LeavesThatRunTrainingAndMarksOnlyTheDeadProcesssRun()
    {
        using var state = new TempDirectory();
        var store = new SqliteRunStore(Path.Combine(state.Path, LabOptions.DatabaseFile));
        long crashed = store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial", Epochs = 2 }, "Spatial", 1, "MNIST", 64, 16, 2, DateTimeOffset.UtcNow));
        RunStoreTests.SetOwner(store, crashed, RunStoreTests.GoneProcess());
        var runs = new StoredTraining(store);
        var hold = new HoldAfterFirstEpoch();
        TrainingResult? result = null;
        var training = new Thread(() =>
        {
            var options = new TrainingOptions { Model = "spatial", Epochs = 2, BatchSize = 32 };
            TorchSharp.torch.manual_seed(options.Seed);
            using var model = ModelCatalog.Find(options.Model)!.Create();
            result = runs.Train(model, TestData.SmallMnist(64, 16), options, hold, CancellationToken.None);
        });
        training.Start();
        try
        {
            Assert.True(hold.EpochEnded.Wait(TimeSpan.FromMinutes(2)), "the verb's run never ended its first epoch");
            long live = runs.LastRun!.Value;

            await using var lab = await LabProcess.StartAsync(stateDirectory: state.Path);
            using var http = new HttpClient { BaseAddress = lab.Address };
            async Task<string?> StatusOf(long id) =>
                JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{id}")).RootElement.GetProperty("run").GetProperty("status").GetString();
            await Eventually.WaitUntilAsync(async () => await StatusOf(crashed) == "Interrupted", TimeSpan.FromSeconds(30), () => lab.Log, "the dead process's run to be marked Interrupted");

            Assert.Equal("Training", await StatusOf(live));

            hold.Release.Set();
            Assert.True(training.Join(TimeSpan.FromMinutes(2)), "the verb's run did not finish");
            Assert.Equal(TrainingOutcome.Completed, result!.Outcome);
            Assert.Equal("Completed", await StatusOf(live));
        }
        finally
        {
            hold.Release.Set();
            training.Join(TimeSpan.FromMinutes(2));
            SqliteConnection.ClearAllPools();
        }
    }
}
