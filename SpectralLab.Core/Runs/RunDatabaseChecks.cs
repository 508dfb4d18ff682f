using Microsoft.Data.Sqlite;

namespace SpectralLab.Core.Runs;

/// <summary>
/// What the run store makes sure of when it opens, so that a damaged or unwritable database stops the lab at start-up
/// with one sentence instead of failing a run, a page or a request later.
/// </summary>
static class RunDatabaseChecks
{
    /// <summary>
    /// Creates the folder and a file in it: SQLite's write-ahead log and the checkpoints live there, and only trying
    /// tells (permission bits do not stop root; a read-only mount or an immutable folder does).
    /// </summary>
    public static void FolderIsWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            using var probe = new FileStream(Path.Combine(folder, $".write-test-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write,
                FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw RunStoreFaults.UnwritableFolder(folder, e);
        }
    }

    /// <summary>SQLite's quick check (every page and b-tree, not the indexes' agreement with their tables): linear in the file's size.</summary>
    public static void IsIntact(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(3);";
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read()) problems.Add(reader.GetString(0));
        if (problems is not ["ok"])
            throw RunStoreFaults.Damaged(path, string.Join("; ", problems));
    }

    /// <summary>
    /// Starts a real write and rolls it back: SQLite opens a write-protected file read-only without a word and fails only
    /// at the first write, which would otherwise be a run's first step.
    /// </summary>
    public static void IsWritable(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE write_test (x);";
        command.ExecuteNonQuery();
        transaction.Rollback();
    }
}
