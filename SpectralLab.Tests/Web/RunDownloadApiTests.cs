using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Tests.Support;
using SpectralLab.Tests.Web.Cli;

namespace SpectralLab.Tests.Web;

/// <summary>A run to take away over HTTP: per-step CSV, checkpoints, PyTorch export.</summary>
[Collection(TorchCollection.Name)]
public sealed class RunDownloadApiTests : IDisposable
{
    readonly TempDirectory data = new();

    public RunDownloadApiTests() => IdxFiles.WriteDataset(data.Path, train: 96, test: 16, height: 28, width: 28);

    public void Dispose() => data.Dispose();

    /// <summary>A spectral run of three epochs of three steps, trained by the `train` verb into the lab's folder.</summary>
    long Train(LabFactory lab)
    {
        var (code, _, error) = VerbsTests.Run("train", "--model", "spectral-gaussian", "--epochs", "3", "--batch", "32", "--data", data.Path, "--state", lab.StateDirectory);
        Assert.True(code == 0, error);
        SqliteConnection.ClearAllPools();
        return Assert.Single(Store(lab).List()).Id;
    }

    static SqliteRunStore Store(LabFactory lab) => new(Path.Combine(lab.StateDirectory, LabOptions.DatabaseFile));

    [Fact]
    public async Task StepsCsv_TrainedRun_OneRowPerStoredStepWithItsLossExactly()
    {
        await using var lab = new LabFactory();
        long id = Train(lab);
        using var client = lab.CreateClient();

        using var response = await client.GetAsync($"/api/runs/{id}/steps.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("step,epoch,loss,ms", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        var stored = Store(lab).Steps(id, 3);
        Assert.Equal(stored.Select(s => (s.Step, s.Epoch, s.Loss)),
            rows.Select(r => (int.Parse(r[0], CultureInfo.InvariantCulture), int.Parse(r[1], CultureInfo.InvariantCulture), double.Parse(r[2], CultureInfo.InvariantCulture))));
        Assert.Equal(Enumerable.Range(1, 9), stored.Select(s => s.Step)); // the CSV is checked against a whole run, not an empty one
    }

    [Fact]
    public async Task Checkpoint_LatestAndBest_AreTheKeptFilesByteForByte()
    {
        await using var lab = new LabFactory();
        long id = Train(lab);
        using var client = lab.CreateClient();
        var checkpoints = Store(lab).CheckpointOf(id);

        var latest = await client.GetByteArrayAsync($"/api/runs/{id}/checkpoint");
        var best = await client.GetByteArrayAsync($"/api/runs/{id}/checkpoint?which=best");

        Assert.Equal(File.ReadAllBytes(checkpoints.Path), latest);
        Assert.Equal(File.ReadAllBytes(checkpoints.BestPath), best);
    }

    [Fact]
    public async Task Export_RunWithoutCheckpoint_SaysWhyInProblemDetails()
    {
        await using var lab = new LabFactory();
        long id = Train(lab);
        Store(lab).CheckpointOf(id).Delete();
        using var client = lab.CreateClient();

        using var response = await client.GetAsync($"/api/runs/{id}/export?format=safetensors");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Run {id} has no checkpoint", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }
}
