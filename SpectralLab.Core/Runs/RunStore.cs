using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// Run history in an embedded SQLite database (write-ahead log, so a reader never waits for the trainer and a killed
/// process leaves a consistent file). Every method opens its own pooled connection: the training thread and the
/// screens may call at the same time. Opening checks that the file is whole and writable (<see cref="RunDatabaseChecks"/>);
/// any later fault, reading or writing, is a <see cref="RunStoreException"/> that names the file and what to do.
/// </summary>
public sealed class RunStore
{
    readonly string connectionString;

    public RunStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, ForeignKeys = true }.ToString();
        RunDatabaseChecks.FolderIsWritable(System.IO.Path.GetDirectoryName(Path)!);
        Use(connection =>
        {
            RunDatabaseChecks.IsIntact(connection, Path);
            RunDatabaseChecks.IsWritable(connection);
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Migrate(connection, Path);
            return 0;
        });
    }

    public string Path { get; }

    public int SchemaVersion => Use(connection => Scalar<int>(connection, "PRAGMA user_version;"));

    /// <summary>Run <paramref name="run"/>'s checkpoints, kept in a folder beside the database; its best epoch is judged by the stored epochs.</summary>
    /// <param name="keptEpochs">How many of the newest epochs' own checkpoints a training run keeps (see <see cref="CheckpointFile"/>).</param>
    public CheckpointFile CheckpointOf(long run, int keptEpochs = 0) =>
        new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "checkpoints", $"run-{run}.ckpt"), epoch => LowestValidationBefore(run, epoch), keptEpochs);

    double? LowestValidationBefore(long run, int epoch) => Use(connection => Rows(connection,
        "SELECT MIN(val_loss) FROM epochs WHERE run_id = $run AND epoch < $epoch;", reader => Nullable(reader, 0), ("$run", run), ("$epoch", epoch)).Single());

    /// <param name="sweep">The sweep the run belongs to, if any (see <see cref="NextSweep"/>).</param>
    public long CreateRun(RunInfo run, long? sweep = null) => Use(connection => Insert(connection,
        """
        INSERT INTO runs (model, options, parameters, dataset, train_images, test_images, steps_per_epoch, status, started, sweep, owner)
        VALUES ($model, $options, $parameters, $dataset, $train, $test, $steps, $status, $started, $sweep, $owner) RETURNING id;
        """, ("$sweep", sweep), ("$owner", RunOwner.Current),
        ("$model", run.Options.Model), ("$options", JsonSerializer.Serialize(run.Options)), ("$parameters", run.Parameters),
        ("$dataset", run.Dataset), ("$train", run.TrainImages), ("$test", run.TestImages), ("$steps", run.StepsPerEpoch),
        ("$status", nameof(TrainingState.Training)), ("$started", Iso(run.Started))));

    /// <summary>A number no sweep has used yet.</summary>
    public long NextSweep() => Use(connection => Insert(connection, "SELECT COALESCE(MAX(sweep), 0) + 1 FROM runs;"));

    public void SetParameters(long run, long parameters) =>
        Use(connection => Execute(connection, "UPDATE runs SET parameters = $p WHERE id = $id;", ("$p", parameters), ("$id", run)));

    /// <summary>An active status makes this process the run's owner (a resumed run is trained by whoever resumed it).</summary>
    public void SetStatus(long run, TrainingState status, string? reason) => Use(connection => Execute(connection,
        "UPDATE runs SET status = $status, reason = $reason, ended = $ended, owner = CASE WHEN $active THEN $owner ELSE owner END WHERE id = $id;",
        ("$status", status.ToString()), ("$reason", reason), ("$ended", status.IsActive() ? null : Iso(DateTimeOffset.UtcNow)),
        ("$active", status.IsActive()), ("$owner", RunOwner.Current), ("$id", run)));

    /// <summary>The validation loss of the run's model as initialised, measured before its first step.</summary>
    public void SetInitialValidationLoss(long run, double loss) =>
        Use(connection => Execute(connection, "UPDATE runs SET initial_val_loss = $loss WHERE id = $id;", ("$loss", loss), ("$id", run)));

    /// <summary>Replaces the run's notes and tags (checked by <see cref="RunLabels"/> before they come here); false when there is no such run.</summary>
    public bool SetLabels(long run, string notes, IReadOnlyList<string> tags) => Use(connection => Execute(connection,
        "UPDATE runs SET notes = $notes, tags = $tags WHERE id = $id;", ("$notes", notes), ("$tags", JsonSerializer.Serialize(tags)), ("$id", run))) == 1;

    /// <summary>The options of the newest run, or null when there is none: the settings the form offers next.</summary>
    public TrainingOptions? LatestOptions() => Use(connection => Rows(connection,
        "SELECT options FROM runs ORDER BY id DESC LIMIT 1;", reader => JsonSerializer.Deserialize<TrainingOptions>(reader.GetString(0)))).SingleOrDefault();

    /// <summary>Steps, and at an epoch end the epoch and its snapshot, in one transaction: all of it lands or none.</summary>
    public void Append(long run, IReadOnlyList<StepRecord> steps, EpochRecord? epoch = null, Snapshot? snapshot = null) => Use(connection =>
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
    public void TruncateAfter(long run, int epoch, int step) => Use(connection =>
    {
        using var transaction = connection.BeginTransaction();
        foreach (var (table, column, value) in new[] { ("steps", "step", step), ("epochs", "epoch", epoch), ("snapshots", "step", step) })
            Execute(connection, $"DELETE FROM {table} WHERE run_id = $run AND {column} > $value;", ("$run", run), ("$value", value));
        transaction.Commit();
        return 0;
    });

    /// <summary>
    /// Runs left in Training or Stopping by a process that is gone (see <see cref="RunOwner"/>) become Interrupted; returns
    /// how many. A run another living process trains (a `train` verb beside the lab) keeps its status.
    /// </summary>
    public int MarkInterrupted() => Use(connection =>
    {
        var orphans = Rows(connection, "SELECT id, owner FROM runs WHERE status IN ('Training', 'Stopping');",
            reader => (Id: reader.GetInt64(0), Owner: reader.IsDBNull(1) ? null : reader.GetString(1))).Where(r => RunOwner.IsGone(r.Owner));
        int marked = 0;
        foreach (var orphan in orphans)
            marked += Execute(connection,
                "UPDATE runs SET status = 'Interrupted', reason = 'The process training this run stopped; resume it from its last checkpoint.' WHERE id = $id AND status IN ('Training', 'Stopping');",
                ("$id", orphan.Id));
        return marked;
    });

    public void Delete(long run) => Use(connection => Execute(connection, "DELETE FROM runs WHERE id = $id;", ("$id", run)));

    public IReadOnlyList<StoredRun> List() => Query(null);

    public StoredRun? Find(long run) => Query(run).SingleOrDefault();

    /// <param name="after">Only the steps after this one, for reading a long run page by page.</param>
    /// <param name="limit">At most this many steps; all of them when null.</param>
    public IReadOnlyList<StepRecord> Steps(long run, int stepsPerEpoch, int after = 0, int? limit = null) => Use(connection => Rows(connection,
        "SELECT step, epoch, loss, ms FROM steps WHERE run_id = $run AND step > $after ORDER BY step LIMIT $limit;", reader =>
        {
            int step = reader.GetInt32(0), epoch = reader.GetInt32(1);
            return new StepRecord(epoch, step, step - (epoch - 1) * stepsPerEpoch, stepsPerEpoch, reader.GetDouble(2), reader.GetDouble(3));
        }, ("$run", run), ("$after", after), ("$limit", limit ?? -1)));

    public IReadOnlyList<EpochRecord> Epochs(long run) => Use(connection => Rows(connection,
        "SELECT epoch, train_loss, val_loss, seconds FROM epochs WHERE run_id = $run ORDER BY epoch;",
        reader => new EpochRecord(reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)), ("$run", run)));

    public IReadOnlyList<Snapshot> Snapshots(long run) => Use(connection => Rows(connection,
        "SELECT step, data FROM snapshots WHERE run_id = $run ORDER BY step;", reader => DecodeSnapshot(run, reader), ("$run", run)));

    /// <summary>The steps at which the run has a stored snapshot, oldest first; nothing is decoded.</summary>
    public IReadOnlyList<int> SnapshotSteps(long run) => Use(connection => Rows(connection,
        "SELECT step FROM snapshots WHERE run_id = $run ORDER BY step;", reader => reader.GetInt32(0), ("$run", run)));

    /// <summary>The snapshot stored at <paramref name="step"/>, or the newest when null; null when there is none.</summary>
    public Snapshot? SnapshotAt(long run, int? step) => Use(connection => Rows(connection,
        "SELECT step, data FROM snapshots WHERE run_id = $run AND ($step IS NULL OR step = $step) ORDER BY step DESC LIMIT 1;",
        reader => DecodeSnapshot(run, reader), ("$run", run), ("$step", step)).SingleOrDefault());

    /// <summary>The snapshot taken at the end of <paramref name="epoch"/> (its last of that epoch), or null when that epoch never ended.</summary>
    public Snapshot? EpochEndSnapshot(long run, int epoch) => Use(connection => Rows(connection,
        "SELECT step, data FROM snapshots WHERE run_id = $run AND epoch = $epoch ORDER BY step DESC LIMIT 1;",
        reader => DecodeSnapshot(run, reader), ("$run", run), ("$epoch", epoch)).SingleOrDefault() is { EpochEnd: true } snapshot ? snapshot : null);

    static Snapshot DecodeSnapshot(long run, SqliteDataReader reader)
    {
        try { return SnapshotCodec.Decode((byte[])reader[1]); }
        catch (InvalidDataException e) { throw new InvalidDataException($"run {run}'s snapshot at step {reader.GetInt32(0)}: {e.Message.TrimEnd('.')}", e); }
    }

    IReadOnlyList<StoredRun> Query(long? id) => Use(connection => Rows(connection,
        """
        SELECT r.id, r.options, r.parameters, r.dataset, r.train_images, r.test_images, r.steps_per_epoch, r.status, r.reason, r.started, r.ended,
               (SELECT COUNT(*) FROM epochs e WHERE e.run_id = r.id),
               (SELECT train_loss FROM epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1),
               (SELECT val_loss FROM epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1),
               (SELECT AVG(seconds) FROM epochs e WHERE e.run_id = r.id),
               r.sweep, r.notes, r.tags, r.initial_val_loss
        FROM runs r WHERE $id IS NULL OR r.id = $id ORDER BY r.id DESC;
        """, ReadRun, ("$id", id)));

    StoredRun ReadRun(SqliteDataReader reader)
    {
        long id = reader.GetInt64(0);
        try
        {
            var options = JsonSerializer.Deserialize<TrainingOptions>(reader.GetString(1)) ?? throw new InvalidDataException("its options are null");
            return new StoredRun(id, options, reader.GetInt64(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), Enum.Parse<TrainingState>(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8), DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
                reader.IsDBNull(10) ? null : DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
                reader.GetInt32(11), Nullable(reader, 12), Nullable(reader, 13), Nullable(reader, 14),
                reader.IsDBNull(15) ? null : reader.GetInt64(15), CheckpointOf(id).Exists)
            {
                Notes = reader.GetString(16),
                Tags = JsonSerializer.Deserialize<string[]>(reader.GetString(17)) ?? throw new InvalidDataException("its tags are null"),
                InitialValidationLoss = Nullable(reader, 18),
            };
        }
        catch (Exception e) when (e is not SqliteException && RunStoreFaults.IsFault(e))
        {
            throw new InvalidDataException($"run {id}: {e.Message.TrimEnd('.')}", e);
        }
    }

    static double? Nullable(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    static void Migrate(SqliteConnection connection, string path)
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

    /// <summary>Runs a read or a write on a connection of its own; a fault of the file or of what it holds becomes a <see cref="RunStoreException"/> that names the file.</summary>
    T Use<T>(Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = Open();
            return work(connection);
        }
        catch (Exception e) when (RunStoreFaults.IsFault(e))
        {
            throw RunStoreFaults.From(Path, e);
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

    static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> row, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
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
