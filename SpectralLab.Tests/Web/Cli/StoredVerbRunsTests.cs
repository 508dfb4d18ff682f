using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Cli;

namespace SpectralLab.Tests.Web.Cli;

/// <summary>The training verbs keep their runs in the lab's store, as the lab keeps its own.</summary>
[Collection(TorchCollection.Name)]
public sealed class StoredVerbRunsTests : IDisposable
{
    readonly TempDirectory state = new();
    readonly TempDirectory data = new();

    public StoredVerbRunsTests() => IdxFiles.WriteDataset(data.Path, train: 64, test: 16, height: 28, width: 28);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // release the database file before deleting it
        state.Dispose();
        data.Dispose();
    }

    SqliteRunStore Store => new(Path.Combine(state.Path, LabOptions.DatabaseFile));

    [Fact]
    public async Task Train_SpatialOneEpochOn1024Images_TheLabOnTheSameFolderListsItCompletedWithOneEpoch()
    {
        await using var lab = new LabFactory();

        var (code, output, _) = VerbsTests.Run("train", "--model", "spatial", "--epochs", "1", "--limit", "1024", "--state", lab.StateDirectory);

        Assert.Equal(ExitCodes.Success, code);
        using var client = lab.CreateClient();
        var run = Assert.Single(JsonDocument.Parse(await client.GetStringAsync("/api/runs")).RootElement.EnumerateArray());
        Assert.Equal(("spatial", "Completed", 1, 1024), (run.GetProperty("model").GetString(), run.GetProperty("status").GetString(),
            run.GetProperty("epochsDone").GetInt32(), run.GetProperty("trainImages").GetInt32()));
        Assert.Contains($"stored as run {run.GetProperty("id").GetInt64()}", output);
    }

    [Fact]
    public void Train_Stored_KeepsStepsEpochsSnapshotsAndCheckpointsAsTheLabDoes()
    {
        var (code, _, _) = VerbsTests.Run("train", "--model", "spectral-gaussian", "--epochs", "3", "--batch", "32", "--data", data.Path, "--state", state.Path);

        Assert.Equal(ExitCodes.Success, code);
        var run = Assert.Single(Store.List());
        Assert.Equal((TrainingState.Completed, 3, 19_553L), (run.Status, run.EpochsDone, run.Parameters));
        Assert.Equal(Enumerable.Range(1, 6), Store.Steps(run.Id, run.StepsPerEpoch).Select(s => s.Step)); // 64 images, batch 32
        Assert.Equal([0, 2, 4, 6], Store.SnapshotSteps(run.Id)); // at initialisation and at each epoch's end
        var checkpoints = Store.CheckpointOf(run.Id);
        Assert.True(run.HasCheckpoint);
        var epochs = Store.Epochs(run.Id);
        int best = epochs.MinBy(e => e.ValidationLoss)!.Epoch;
        using var bestFile = File.OpenRead(checkpoints.BestPath);
        Assert.Equal(best, Checkpoint.ReadInfo(bestFile, "best").Epoch);
        Assert.Equal([1, 2, 3], checkpoints.KeptEpochs); // LabOptions.KeptEpochCheckpoints: 3 by default
    }

    [Fact]
    public void Train_JsonLines_SayWhichRunItIs()
    {
        var (code, output, _) = VerbsTests.Run("train", "--model", "spatial", "--epochs", "1", "--batch", "32", "--data", data.Path, "--state", state.Path, "--json");

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["run", "epoch", "result"], lines.Select(l => l.GetProperty("type").GetString()));
        Assert.Equal(Assert.Single(Store.List()).Id, lines[0].GetProperty("run").GetInt64());
    }

    [Fact]
    public void Train_NoStore_LeavesTheStateFolderEmpty()
    {
        var (code, output, _) = VerbsTests.Run("train", "--model", "spatial", "--epochs", "1", "--batch", "32", "--data", data.Path, "--state", state.Path, "--no-store");

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("stored as run", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(state.Path));
    }

    [Fact]
    public void Sweep_Stored_EachModelIsARunOfOneSweep()
    {
        var (code, _, _) = VerbsTests.Run("sweep", "--models", "spatial,spectral-gaussian", "--epochs", "1", "--batch", "32", "--data", data.Path, "--state", state.Path);

        Assert.Equal(ExitCodes.Success, code);
        var runs = Store.List().OrderBy(r => r.Id).ToList();
        Assert.Equal(["spatial", "spectral-gaussian"], runs.Select(r => r.Model));
        Assert.All(runs, r => Assert.Equal((TrainingState.Completed, 1), (r.Status, r.EpochsDone)));
        Assert.NotNull(runs[0].Sweep);
        Assert.Equal(runs[0].Sweep, runs[1].Sweep);
    }

    [Fact]
    public void Train_StateFolderUnusable_OneClearLineAndNoTraining()
    {
        string file = state.File("not-a-folder");
        File.WriteAllText(file, "");

        var (code, output, error) = VerbsTests.Run("train", "--model", "spatial", "--epochs", "1", "--batch", "32", "--data", data.Path, "--state", file);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains("--no-store", line);
    }

    [Theory]
    [InlineData("--run 0 --out {0}/w.pt", "--run must be a run's number, 1 or more (got 0)")]
    [InlineData("--run 1 --format onnx --out {0}/w.pt", "onnx")]
    [InlineData("--run 1 --which worst --out {0}/w.pt", "worst")]
    [InlineData("--run 1 --out {0}/no/such/folder/w.pt", "does not exist")]
    [InlineData("--run 1", "--out")]
    public void Export_BadArgument_OneClearLineAndNoFile(string arguments, string expected)
    {
        var (code, output, error) = VerbsTests.Run(["export", .. string.Format(arguments, state.Path).Split(' '), "--state", state.Path]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.False(File.Exists(state.File("w.pt")));
    }

    [Fact]
    public void Export_UnknownRun_SaysSoAndWritesNothing()
    {
        string target = state.File("w.pt");

        var (code, _, error) = VerbsTests.Run("export", "--run", "7", "--out", target, "--state", state.Path);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("There is no run 7.", error);
        Assert.Empty(Directory.GetFiles(state.Path, "w.pt*"));
    }
}
