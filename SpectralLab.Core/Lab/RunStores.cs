using SpectralLab.Core.Runs;

namespace SpectralLab.Core.Lab;

/// <summary>Which run store a lab, a verb or a worker uses: one setting decides, the same everywhere.</summary>
public static class RunStores
{
    /// <param name="store">A PostgreSQL connection string (SpectralLab:Store), or null/empty for the embedded database.</param>
    /// <param name="stateDirectory">Where the embedded database lives.</param>
    public static IRunStore Open(string? store, string stateDirectory) => string.IsNullOrWhiteSpace(store)
        ? new SqliteRunStore(Path.Combine(stateDirectory, LabOptions.DatabaseFile))
        : new PostgresRunStore(store);
}
