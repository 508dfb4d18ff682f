using System.Net.Http.Json;
using System.Text.Json;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>
/// The lab and two `worker` processes sharing a PostgreSQL run store (a private cluster on loopback): runs queued by the
/// verbs are trained by the workers and seen by the lab; a worker killed mid-run leaves its run to another, which resumes it.
/// </summary>
[Collection(TorchCollection.Name)] // four training processes: never beside the other end-to-end tests, whose timings they would upset
public sealed class WorkersEndToEndTests : IDisposable
{
    const int TrainImages = 2048, StepsPerEpoch = TrainImages / 128, SweepEpochs = 6;
    readonly TempDirectory data = new();
    readonly TempDirectory state = new();
    readonly Dictionary<string, string> environment;

    public WorkersEndToEndTests()
    {
        IdxFiles.WriteDataset(data.Path, train: TrainImages, test: 64, height: 28, width: 28);
        environment = new()
        {
            ["SpectralLab__Store"] = PostgresServer.NewDatabase(),
            ["SpectralLab__StateDirectory"] = state.Path,
            ["SpectralLab__DataDirectory"] = data.Path,
            ["SpectralLab__WorkerTakeoverSeconds"] = "5", // the least allowed: shorter than every run here, which a living worker must keep
        };
    }

    public void Dispose()
    {
        data.Dispose();
        state.Dispose();
    }

    VerbProcess Worker(string name) => VerbProcess.Start(environment, "worker", "--name", name, "--threads", "1", "--data", data.Path);

    [Fact]
    public async Task SweepOfFourRuns_SplitAcrossTwoWorkers_AllCompletedWithTheirEpochsInTheLab()
    {
        await using var lab = await LabProcess.StartAsync(environment, state.Path);
        await using var first = Worker("worker-a");
        await using var second = Worker("worker-b");

        await using var sweep = VerbProcess.Start(environment, "sweep", "--models", "spatial", "--seeds", "1,2,3,4", "--epochs", $"{SweepEpochs}",
            "--limit", $"{TrainImages}", "--data", data.Path, "--threads", "1");
        int code = await sweep.WaitForExitAsync(TimeSpan.FromMinutes(4));

        Assert.True(code == 0, $"sweep: {sweep.Output}\nworker-a: {first.Output}\nworker-b: {second.Output}");
        Assert.Equal(4, sweep.Output.Split('\n').Count(line => line.Contains("Completed", StringComparison.Ordinal)));
        var runs = await RunsAsync(lab);
        Assert.Equal(4, runs.Count);
        Assert.All(runs, run => Assert.Equal(("Completed", SweepEpochs), (run.Status, run.EpochsDone)));
        Assert.Equal(["worker-a", "worker-b"], runs.Select(run => run.Worker).Distinct().Order());
        string workers = first.Output + second.Output;
        Assert.Equal(4, workers.Split('\n').Count(line => line.Contains($": Completed, Completed {SweepEpochs} epochs.", StringComparison.Ordinal))); // each trained once
        Assert.DoesNotContain("resumes after epoch", workers); // no living worker's run was taken over
        Assert.True(runs.Max(run => run.SecondsPerEpoch) * SweepEpochs > 5, "the runs must outlast the takeover time for this to say anything");
    }

    [Fact]
    public async Task WorkerKilledMidRun_AnotherResumesFromItsCheckpoint_EachEpochAndStepStoredOnce()
    {
        await using var lab = await LabProcess.StartAsync(environment, state.Path);
        await using var doomed = Worker("doomed");
        await using var train = Train(epochs: 5);
        await UntilEpochsAsync(lab, 2, doomed);

        long id = (await RunsAsync(lab))[0].Id;
        await Eventually.WaitUntilAsync(async () => await CurrentAsync(lab) is { Run: var shown, Epoch: >= 2 } && shown == id, TimeSpan.FromSeconds(10),
            () => "the lab's current run: " + CurrentAsync(lab).Result, "the lab's dashboard to show the worker's run at its second epoch");

        doomed.Kill();
        await using var survivor = Worker("survivor");
        var run = await ResumedAndCompletedAsync(lab, train, survivor, "survivor", epochs: 5);

        using var http = new HttpClient { BaseAddress = lab.Address };
        using var details = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{run.Id}"));
        Assert.Equal([1, 2, 3, 4, 5], details.RootElement.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        string[] steps = (await http.GetStringAsync($"/api/runs/{run.Id}/steps.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(Enumerable.Range(1, 5 * StepsPerEpoch), steps.Select(line => int.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Worker_DatabaseUnreachable_RetriesSayingSoInOneLineEachTime()
    {
        const string password = "never-printed-42";
        var unreachable = new Dictionary<string, string>(environment)
        {
            ["SpectralLab__Store"] = $"Host=127.0.0.1;Port=1;Database=lab;Username=lab;Password={password};Timeout=2",
        };
        await using var worker = VerbProcess.Start(unreachable, "worker", "--name", "patient", "--data", data.Path);

        await Eventually.WaitUntilAsync(() => worker.Output.Split('\n').Count(line => line.Contains("retrying in 5 s", StringComparison.Ordinal)) >= 2,
            TimeSpan.FromSeconds(60), () => worker.Output, "two retries");

        Assert.False(worker.HasExited);
        var lines = worker.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("worker: Cannot reach the run database postgresql://127.0.0.1:1/lab (", line));
        Assert.DoesNotContain(password, worker.Output);
    }

    [Fact]
    public async Task WorkerAskedToStop_PutsItsRunBackForTheNextWorkerWithoutWaitingForTheTakeover()
    {
        environment["SpectralLab__WorkerTakeoverSeconds"] = "600"; // longer than the test: only the hand-back can explain a prompt resume
        await using var lab = await LabProcess.StartAsync(environment, state.Path);
        await using var leaving = Worker("leaving");
        await using var train = Train(epochs: 4);
        await UntilEpochsAsync(lab, 1, leaving);

        leaving.Terminate();
        Assert.Equal(0, await leaving.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("Queued", (await RunsAsync(lab))[0].Status);
        await using var next = Worker("next");

        await ResumedAndCompletedAsync(lab, train, next, "next", epochs: 4);
    }

    /// <summary>A `train` verb queueing one run of <paramref name="epochs"/> epochs for the workers, and following it.</summary>
    VerbProcess Train(int epochs) => VerbProcess.Start(environment, "train", "--model", "spatial", "--epochs", $"{epochs}", "--limit", $"{TrainImages}",
        "--data", data.Path, "--threads", "1");

    static Task UntilEpochsAsync(LabProcess lab, int epochs, VerbProcess worker) =>
        Eventually.WaitUntilAsync(async () => (await RunsAsync(lab)) is [{ EpochsDone: var done }] && done >= epochs, TimeSpan.FromMinutes(3),
            () => worker.Output, $"the worker to end {epochs} epoch(s)");

    /// <summary>Waits for the `train` verb to end; its run must have been resumed by <paramref name="worker"/> and completed.</summary>
    static async Task<RunRow> ResumedAndCompletedAsync(LabProcess lab, VerbProcess train, VerbProcess worker, string name, int epochs)
    {
        int code = await train.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(code == 0, $"train: {train.Output}\n{name}: {worker.Output}");
        var run = Assert.Single(await RunsAsync(lab));
        Assert.Equal(("Completed", epochs, name), (run.Status, run.EpochsDone, run.Worker));
        Assert.Contains($"Run {run.Id} resumes after epoch", worker.Output);
        return run;
    }

    sealed record RunRow(long Id, string Status, int EpochsDone, string? Worker, double? SecondsPerEpoch);

    sealed record CurrentRun(int Run, int Step, int Epoch);

    /// <summary>What the lab's dashboard shows now: the run its hub follows and its newest snapshot, or null when none.</summary>
    static async Task<CurrentRun?> CurrentAsync(LabProcess lab)
    {
        using var http = new HttpClient { BaseAddress = lab.Address };
        using var response = await http.GetAsync("/api/runs/current/filters");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CurrentRun>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) : null;
    }

    static async Task<List<RunRow>> RunsAsync(LabProcess lab)
    {
        using var http = new HttpClient { BaseAddress = lab.Address };
        return (await http.GetFromJsonAsync<List<RunRow>>("/api/runs", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }
}
