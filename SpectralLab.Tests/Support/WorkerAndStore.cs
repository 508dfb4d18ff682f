using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;

namespace SpectralLab.Tests.Support;

/// <summary>A run store in a temporary folder and a torch worker, for the services that compute pictures from stored runs.</summary>
public abstract class WorkerAndStore : IDisposable
{
    readonly TempDirectory folder = new();

    protected WorkerAndStore() => Store = new SqliteRunStore(folder.File("runs.db"));

    protected SqliteRunStore Store { get; }

    protected TorchWorker Worker { get; } = new();

    public void Dispose()
    {
        Worker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // release the database file before deleting it
        folder.Dispose();
    }
}
