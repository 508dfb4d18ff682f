using Microsoft.Data.Sqlite;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Web;

/// <summary>The real lab started over a run database it cannot use: one `error:` line naming the file and what to do, exit code 1.</summary>
[Collection(TorchCollection.Name)]
public sealed class StartupFaultTests
{
    /// <summary>A state folder whose database holds a few runs, every connection to it closed.</summary>
    static string Database(TempDirectory state)
    {
        string path = state.File("spectrallab.db");
        var store = new SqliteRunStore(path);
        for (int r = 0; r < 8; r++)
        {
            long id = store.CreateRun(new RunInfo(0, new TrainingOptions(), "Spatial", 1, "MNIST", 64, 16, 2, DateTimeOffset.UtcNow));
            store.Append(id, Enumerable.Range(1, 200).Select(s => new StepRecord(1, s, s, 200, 0.5, 1)).ToList(), new EpochRecord(1, 0.5, 0.5, 1));
        }
        SqliteConnection.ClearAllPools();
        return path;
    }

    /// <summary>Starts the lab over <paramref name="state"/>; it must exit with code 1 having printed one line, returned here.</summary>
    static async Task<string> OneLineAndExitAsync(string state, IDictionary<string, string>? settings = null)
    {
        var (code, output) = await LabProcess.RunUntilExitAsync(settings ?? new Dictionary<string, string>(), state);

        Assert.Equal(1, code);
        return Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Start_SharedStoreNobodyServes_ExitsWithOneLineNamingItWithoutThePassword()
    {
        using var state = new TempDirectory();
        const string password = "a-secret-never-printed";

        string line = await OneLineAndExitAsync(state.Path, new Dictionary<string, string>
        {
            ["SpectralLab__Store"] = $"Host=127.0.0.1;Port=1;Database=lab;Username=lab;Password={password};Timeout=3",
        });

        Assert.StartsWith("error: Cannot reach the run database postgresql://127.0.0.1:1/lab (", line);
        Assert.DoesNotContain(password, line);
    }

    [Fact]
    public async Task Start_ReadOnlyDatabase_ExitsWithOneLineSayingSo()
    {
        using var state = new TempDirectory();
        string path = Database(state);
        using var readOnly = new ReadOnlyPath(path);

        string line = await OneLineAndExitAsync(state.Path);

        Assert.Equal($"error: The run database {path} is read-only; make it writable, or set SpectralLab:StateDirectory to a writable folder.", line);
    }

    [Fact]
    public async Task Start_DatabaseDamagedInTheMiddle_ExitsWithOneLineSayingSo()
    {
        using var state = new TempDirectory();
        string path = Database(state);
        int pages = SqliteFiles.Pages(path);
        SqliteFiles.OverwritePages(path, pages / 2, pages / 2 + 1);

        string line = await OneLineAndExitAsync(state.Path);

        Assert.StartsWith($"error: The run database {path} is damaged (", line);
        Assert.EndsWith("move the file away (the lab then starts an empty one) or restore it from a backup.", line);
    }
}
