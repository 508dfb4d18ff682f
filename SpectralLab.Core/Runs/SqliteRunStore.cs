using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SpectralLab.Core.Runs;

/// <summary>
/// Run history in an embedded SQLite database (write-ahead log, so a reader never waits for the trainer and a killed
/// process leaves a consistent file), checkpoints as files beside it. Opening checks that the file is whole and writable
/// (<see cref="RunDatabaseChecks"/>); any later fault, reading or writing, is a <see cref="RunStoreException"/> that
/// names the file and what to do.
/// </summary>
public sealed class SqliteRunStore : SqlRunStore
{
    readonly string connectionString;

    public SqliteRunStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, ForeignKeys = true }.ToString();
        RunDatabaseChecks.FolderIsWritable(System.IO.Path.GetDirectoryName(Path)!);
        Use(connection =>
        {
            var sqlite = (SqliteConnection)connection;
            RunDatabaseChecks.IsIntact(sqlite, Path);
            RunDatabaseChecks.IsWritable(sqlite);
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Migrate(connection, Path);
            return 0;
        });
    }

    public string Path { get; }

    public override string Location => Path;

    public override bool Shared => false;

    public override int SchemaVersion => Use(connection => Scalar<int>(connection, "PRAGMA user_version;"));

    /// <summary>Kept in a folder beside the database (see <see cref="CheckpointFile"/>).</summary>
    public override CheckpointFile CheckpointOf(long run, int keptEpochs = 0) =>
        new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "checkpoints", $"run-{run}.ckpt"), epoch => LowestValidationBefore(run, epoch), keptEpochs);

    protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    protected override bool IsFault(Exception e) => RunStoreFaults.IsFault(e);

    protected override RunStoreException Fault(Exception e) => RunStoreFaults.From(Path, e);

    static void Migrate(DbConnection connection, string path)
    {
        int version = Scalar<int>(connection, "PRAGMA user_version;");
        if (version > RunSchema.Version)
            throw new RunStoreException($"The run database {path} was written by a newer SpectralLab (schema {version}; this one knows {RunSchema.Version}); open it with that version, or set SpectralLab:StateDirectory to another folder.");
        for (; version < RunSchema.Version; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, RunSchema.Migrations[version]);
            Execute(connection, $"PRAGMA user_version = {version + 1};");
            transaction.Commit();
        }
    }
}
