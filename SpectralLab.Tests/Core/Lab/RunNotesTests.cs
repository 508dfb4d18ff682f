using Microsoft.Data.Sqlite;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

public sealed class RunNotesTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task SetLabels_OutOfBoundsOrMissingRun_IsRefusedInOneSentenceAndStoresNothing()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = store.CreateRun(new RunInfo(0, new TrainingOptions(), "m", 1, "MNIST", 10, 10, 1, DateTimeOffset.UtcNow));
        var notes = new RunNotes(store);

        var tooLong = await notes.SetLabelsAsync(id, new string('n', RunLabels.MostNoteCharacters + 1), []);
        var comma = await notes.SetLabelsAsync(id, "", ["a,b"]);
        var missing = await notes.SetLabelsAsync(id + 1, "fine", []);
        var saved = await notes.SetLabelsAsync(id, "fine", ["ok"]);

        Assert.False(tooLong.Accepted);
        Assert.Contains("at most 4,000 characters", tooLong.Message);
        Assert.False(comma.Accepted);
        Assert.Contains("comma", comma.Message);
        Assert.Equal(CommandResult.Refused($"There is no run {id + 1}; it may have been deleted."), missing);
        Assert.True(saved.Accepted);
        Assert.Equal("fine", store.Find(id)!.Notes);
        Assert.Equal(["ok"], store.Find(id)!.Tags);
    }
}
