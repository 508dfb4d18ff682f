using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// Run history in an embedded SQLite database (write-ahead log, so a reader never waits for the trainer and a killed
/// process leaves a consistent file). Every method opens its own pooled connection: the training thread and the
/// screens may call at the same time.
/// </summary>
public sealed class RunStore
{
    readonly string connectionString;

    public RunStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, ForeignKeys = true }.ToString();
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var connection = Open();
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Migrate(connection);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new RunStoreException($"Cannot open the run database {Path}: {e.Message}. Set SpectralLab:StateDirectory to a writable folder, or move the damaged file away.", e);
        }
    }

    public string Path { get; }

    public int SchemaVersion
    {
        get { using var connection = Open(); return Scalar<int>(connection, "PRAGMA user_version;"); }
    }

    /// <param name="sweep">The sweep the run belongs to, if any (see <see cref="NextSweep"/>).</param>
    public long CreateRun(RunInfo run, long? sweep = null) => Write(connection => Insert(connection,
        """
        INSERT INTO runs (model, options, parameters, dataset, train_images, test_images, steps_per_epoch, status, started, sweep)
        VALUES ($model, $options, $parameters, $dataset, $train, $test, $steps, $status, $started, $sweep) RETURNING id;
        """, ("$sweep", sweep),
        ("$model", run.Options.Model), ("$options", JsonSerializer.Serialize(run.Options)), ("$parameters", run.Parameters),
        ("$dataset", run.Dataset), ("$train", run.TrainImages), ("$test", run.TestImages), ("$steps", run.StepsPerEpoch),
        ("$status", nameof(TrainingState.Training)), ("$started", Iso(run.Started))));

    /// <summary>A number no sweep has used yet.</summary>
    public long NextSweep() => Write(connection => Insert(connection, "SELECT COALESCE(MAX(sweep), 0) + 1 FROM runs;"));

    public void SetParameters(long run, long parameters) =>
        Write(connection => Execute(connection, "UPDATE runs SET parameters = $p WHERE id = $id;", ("$p", parameters), ("$id", run)));

    public void SetStatus(long run, TrainingState status, string? reason) => Write(connection => Execute(connection,
        "UPDATE runs SET status = $status, reason = $reason, ended = $ended WHERE id = $id;",
        ("$status", status.ToString()), ("$reason", reason), ("$ended", status.IsActive() ? null : Iso(DateTimeOffset.UtcNow)), ("$id", run)));

    /// <summary>Steps, and at an epoch end the epoch and its snapshot, in one transaction: all of it lands or none.</summary>
    public void Append(long run, IReadOnlyList<StepRecord> steps, EpochRecord? epoch = null, Snapshot? snapshot = null) => Write(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var insert = Command(connection, "INSERT OR REPLACE INTO steps VALUES ($run, $step, $epoch, $loss, $ms);");
        foreach (var step in steps)
        {
            Bind(insert, ("$run", run), ("$step", step.Step), ("$epoch", step.Epoch), ("$loss", step.Loss), ("$ms", step.Milliseconds));
            insert.ExecuteNonQuery();
        }
        if (epoch is not null)
            Execute(connection, "INSERT OR REPLACE INTO epochs VALUES ($run, $epoch, $train, $val, $seconds);",
                ("$run", run), ("$epoch", epoch.Epoch), ("$train", epoch.TrainLoss), ("$val", epoch.ValidationLoss), ("$seconds", epoch.Seconds));
        if (snapshot is not null)
            Execute(connection, "INSERT OR REPLACE INTO snapshots VALUES ($run, $step, $epoch, $data);",
                ("$run", run), ("$step", snapshot.Step), ("$epoch", snapshot.Epoch), ("$data", SnapshotCodec.Encode(snapshot)));
        transaction.Commit();
        return 0;
    });

    /// <summary>Forgets what came after a checkpoint, so a resumed run's curves continue from it.</summary>
    public void TruncateAfter(long run, int epoch, int step) => Write(connection =>
    {
        using var transaction = connection.BeginTransaction();
        foreach (var (table, column, value) in new[] { ("steps", "step", step), ("epochs", "epoch", epoch), ("snapshots", "step", step) })
            Execute(connection, $"DELETE FROM {table} WHERE run_id = $run AND {column} > $value;", ("$run", run), ("$value", value));
        transaction.Commit();
        return 0;
    });

    /// <summary>Runs a crash left in Training or Stopping become Interrupted; returns how many.</summary>
    public int MarkInterrupted() => Write(connection => Execute(connection,
        "UPDATE runs SET status = 'Interrupted', reason = 'The lab stopped while this run was training; resume it from its last checkpoint.' WHERE status IN ('Training', 'Stopping');"));

    public void Delete(long run) => Write(connection => Execute(connection, "DELETE FROM runs WHERE id = $id;", ("$id", run)));

    public IReadOnlyList<StoredRun> List() => Query(null);

    public StoredRun? Find(long run) => Query(run).SingleOrDefault();

    public IReadOnlyList<StepRecord> Steps(long run, int stepsPerEpoch)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT step, epoch, loss, ms FROM steps WHERE run_id = $run ORDER BY step;", ("$run", run));
        using var reader = command.ExecuteReader();
        var steps = new List<StepRecord>();
        while (reader.Read())
        {
            int step = reader.GetInt32(0), epoch = reader.GetInt32(1);
            steps.Add(new StepRecord(epoch, step, step - (epoch - 1) * stepsPerEpoch, stepsPerEpoch, reader.GetDouble(2), reader.GetDouble(3)));
        }
        return steps;
    }

    public IReadOnlyList<EpochRecord> Epochs(long run)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT epoch, train_loss, val_loss, seconds FROM epochs WHERE run_id = $run ORDER BY epoch;", ("$run", run));
        using var reader = command.ExecuteReader();
        var epochs = new List<EpochRecord>();
        while (reader.Read()) epochs.Add(new EpochRecord(reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)));
        return epochs;
    }

    public IReadOnlyList<Snapshot> Snapshots(long run)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT data FROM snapshots WHERE run_id = $run ORDER BY step;", ("$run", run));
        using var reader = command.ExecuteReader();
        var snapshots = new List<Snapshot>();
        while (reader.Read()) snapshots.Add(SnapshotCodec.Decode((byte[])reader[0]));
        return snapshots;
    }

    /// <summary>The steps at which the run has a stored snapshot, oldest first; nothing is decoded.</summary>
    public IReadOnlyList<int> SnapshotSteps(long run)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT step FROM snapshots WHERE run_id = $run ORDER BY step;", ("$run", run));
        using var reader = command.ExecuteReader();
        var steps = new List<int>();
        while (reader.Read()) steps.Add(reader.GetInt32(0));
        return steps;
    }

    /// <summary>The snapshot stored at <paramref name="step"/>, or the newest when null; null when there is none.</summary>
    public Snapshot? SnapshotAt(long run, int? step)
    {
        using var connection = Open();
        using var command = Command(connection,
            "SELECT data FROM snapshots WHERE run_id = $run AND ($step IS NULL OR step = $step) ORDER BY step DESC LIMIT 1;",
            ("$run", run), ("$step", step));
        return command.ExecuteScalar() is byte[] data ? SnapshotCodec.Decode(data) : null;
    }

    IReadOnlyList<StoredRun> Query(long? id)
    {
        using var connection = Open();
        using var command = Command(connection,
            """
            SELECT r.id, r.options, r.parameters, r.dataset, r.train_images, r.test_images, r.steps_per_epoch, r.status, r.reason, r.started, r.ended,
                   (SELECT COUNT(*) FROM epochs e WHERE e.run_id = r.id),
                   (SELECT train_loss FROM epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1),
                   (SELECT val_loss FROM epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1),
                   (SELECT AVG(seconds) FROM epochs e WHERE e.run_id = r.id),
                   r.sweep
            FROM runs r WHERE $id IS NULL OR r.id = $id ORDER BY r.id DESC;
            """, ("$id", id));
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
            runs.Add(new StoredRun(reader.GetInt64(0), JsonSerializer.Deserialize<TrainingOptions>(reader.GetString(1))!, reader.GetInt64(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), Enum.Parse<TrainingState>(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8), DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
                reader.IsDBNull(10) ? null : DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
                reader.GetInt32(11), Nullable(reader, 12), Nullable(reader, 13), Nullable(reader, 14),
                reader.IsDBNull(15) ? null : reader.GetInt64(15)));
        return runs;
    }

    static double? Nullable(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    static void Migrate(SqliteConnection connection)
    {
        int version = Scalar<int>(connection, "PRAGMA user_version;");
        if (version > RunSchema.Version)
            throw new RunStoreException($"The run database was written by a newer SpectralLab (schema {version}; this one knows {RunSchema.Version}).");
        for (; version < RunSchema.Version; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, RunSchema.Migrations[version]);
            Execute(connection, $"PRAGMA user_version = {version + 1};");
            transaction.Commit();
        }
    }

    /// <summary>Runs a write; a disk or database fault becomes a <see cref="RunStoreException"/> that names the file.</summary>
    T Write<T>(Func<SqliteConnection, T> write)
    {
        try
        {
            using var connection = Open();
            return write(connection);
        }
        catch (SqliteException e)
        {
            throw new RunStoreException($"Cannot write the run database {Path}: {e.Message}", e);
        }
    }

    SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        Bind(command, parameters);
        return command;
    }

    static void Bind(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (!command.Parameters.Contains(name)) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }

    static int Execute(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    static long Insert(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return (long)command.ExecuteScalar()!;
    }

    static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
