using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace SpectralLab.Core.Runs;

/// <summary>
/// Run history in a PostgreSQL database that a lab and its training workers share (SpectralLab:Store), checkpoints
/// included (<see cref="DatabaseCheckpoints"/>). The store is reached with the credentials the connection string gives;
/// messages name only its host, port and database. Opening checks that the server answers and brings the schema up to
/// date under an advisory lock, so workers starting together migrate once.
/// </summary>
public sealed class PostgresRunStore : SqlRunStore, IDisposable
{
    /// <summary>Any number, the same in every process: who holds it migrates.</summary>
    const long MigrationLock = 5117_0016;

    readonly NpgsqlDataSource source;

    /// <exception cref="RunStoreException">The connection string does not parse, the server does not answer, or the schema is newer.</exception>
    public PostgresRunStore(string connectionString)
    {
        NpgsqlConnectionStringBuilder settings;
        try { settings = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new RunStoreException($"SpectralLab:Store is not a PostgreSQL connection string ({e.Message.TrimEnd('.')}); write it as Host=…;Port=…;Database=…;Username=…;Password=….", e); }
        Location = Describe(settings);
        source = NpgsqlDataSource.Create(settings);
        Use(connection =>
        {
            Migrate(connection);
            return 0;
        });
    }

    /// <summary>Host, port and database of a connection string: what may be shown (never the user's password).</summary>
    public static string Describe(NpgsqlConnectionStringBuilder settings) => $"postgresql://{settings.Host}:{settings.Port}/{settings.Database}";

    public override string Location { get; }

    public override bool Shared => true;

    public override int SchemaVersion => Use(connection => Scalar<int>(connection, "SELECT version FROM schema_version;"));

    public override DatabaseCheckpoints CheckpointOf(long run, int keptEpochs = 0) => new(this, run, epoch => LowestValidationBefore(run, epoch), keptEpochs);

    protected override DbConnection OpenConnection() => source.OpenConnection();

    protected override string HasCheckpointSql => DatabaseCheckpoints.ExistsSql;

    protected override bool IsFault(Exception e) =>
        e is NpgsqlException or SocketException or TimeoutException or IOException or InvalidDataException or JsonException or FormatException
            or ArgumentException or InvalidCastException or OverflowException;

    protected override RunStoreException Fault(Exception e) => e switch
    {
        PostgresException { SqlState: "28P01" or "28000" } =>
            new($"The run database {Location} refused the user and password of SpectralLab:Store; set the ones PostgreSQL knows.", e),
        PostgresException { SqlState: "3D000" } =>
            new($"The run database {Location} does not exist; create it (createdb) or name another in SpectralLab:Store.", e),
        NpgsqlException or SocketException or TimeoutException =>
            new($"Cannot reach the run database {Location} ({Reason(e)}); check that PostgreSQL runs there and that SpectralLab:Store names it.", e),
        _ => new($"The run database {Location} holds a damaged record ({Reason(e)}); delete the run it belongs to.", e),
    };

    static string Reason(Exception e) => (e.InnerException is SocketException socket ? socket.Message : e.Message).TrimEnd('.');

    void Migrate(DbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLock});");
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        int version = Scalar<int>(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        if (version > PostgresSchema.Version)
            throw new RunStoreException($"The run database {Location} was written by a newer SpectralLab (schema {version}; this one knows {PostgresSchema.Version}); use that version, or name another database in SpectralLab:Store.");
        for (; version < PostgresSchema.Version; version++)
            Execute(connection, PostgresSchema.Migrations[version]);
        Execute(connection, "DELETE FROM schema_version;");
        Execute(connection, $"INSERT INTO schema_version VALUES ({version});");
        transaction.Commit();
    }

    public void Dispose() => source.Dispose();
}
