using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// The run store's queries, written once in the SQL both SQLite and PostgreSQL speak (named parameters, upserts,
/// RETURNING); a subclass opens connections, brings the schema up to date and names its faults. Every method opens its
/// own pooled connection: the training thread and the screens may call at the same time.
/// </summary>
public abstract class SqlRunStore : IRunStore
{
    /// <summary>What a null "all of them" stands for in a query (a typed value: PostgreSQL cannot type a bare null).</summary>
    const long Every = -1;

    public abstract string Location { get; }

    public abstract bool Shared { get; }

    public abstract int SchemaVersion { get; }

    public abstract IRunCheckpoints CheckpointOf(long run, int keptEpochs = 0);

    protected abstract DbConnection OpenConnection();

    /// <summary>
    /// An SQL expression over the runs row r that says whether the run has a checkpoint to resume from, so that a list of
    /// runs asks once; null where checkpoints are kept outside the database (each run's are then looked at).
    /// </summary>
    protected virtual string? HasCheckpointSql => null;

    /// <summary>Whether <paramref name="e"/> is a fault of the store or of what it holds, rather than a bug.</summary>
    protected abstract bool IsFault(Exception e);

    /// <summary>The fault as one sentence that names the store and says what to do.</summary>
    protected abstract RunStoreException Fault(Exception e);

    /// <summary>The lowest validation loss of the run's epochs before <paramref name="epoch"/>: what an epoch must beat to be the best.</summary>
    protected double? LowestValidationBefore(long run, int epoch) => Use(connection => Rows(connection,
        "SELECT MIN(val_loss) FROM epochs WHERE run_id = @run AND epoch < @epoch;", reader => Nullable(reader, 0), ("@run", run), ("@epoch", epoch)).Single());

    public long CreateRun(RunInfo run, long? sweep = null, TrainingState status = TrainingState.Training) => Use(connection => Insert(connection,
        """
        INSERT INTO runs (model, options, parameters, dataset, train_images, test_images, steps_per_epoch, status, started, sweep, owner)
        VALUES (@model, @options, @parameters, @dataset, @train, @test, @steps, @status, @started, @sweep, @owner) RETURNING id;
        """, ("@sweep", sweep), ("@owner", status == TrainingState.Queued ? null : RunOwner.Current),
        ("@model", run.Options.Model), ("@options", JsonSerializer.Serialize(run.Options)), ("@parameters", run.Parameters),
        ("@dataset", run.Dataset), ("@train", run.TrainImages), ("@test", run.TestImages), ("@steps", run.StepsPerEpoch),
        ("@status", status.ToString()), ("@started", Iso(run.Started))));

    public long NextSweep() => Use(connection => Insert(connection, "SELECT COALESCE(MAX(sweep), 0) + 1 FROM runs;"));

    public void SetParameters(long run, long parameters) =>
        Use(connection => Execute(connection, "UPDATE runs SET parameters = @p WHERE id = @id;", ("@p", parameters), ("@id", run)));

    public void SetStatus(long run, TrainingState status, string? reason) => Use(connection => Execute(connection,
        """
        UPDATE runs SET status = @status, reason = @reason, ended = @ended, owner = CASE WHEN @active THEN @owner ELSE owner END,
            stop_requested = CASE WHEN @queued THEN 0 ELSE stop_requested END WHERE id = @id;
        """, // a run queued again (resumed) starts with no stop request
        ("@status", status.ToString()), ("@reason", reason), ("@ended", status.IsActive() || status == TrainingState.Queued ? null : Iso(DateTimeOffset.UtcNow)),
        ("@active", status.IsActive()), ("@queued", status == TrainingState.Queued), ("@owner", RunOwner.Current), ("@id", run)));

    public void SetInitialValidationLoss(long run, double loss) =>
        Use(connection => Execute(connection, "UPDATE runs SET initial_val_loss = @loss WHERE id = @id;", ("@loss", loss), ("@id", run)));

    public bool SetLabels(long run, string notes, IReadOnlyList<string> tags) => Use(connection => Execute(connection,
        "UPDATE runs SET notes = @notes, tags = @tags WHERE id = @id;", ("@notes", notes), ("@tags", JsonSerializer.Serialize(tags)), ("@id", run))) == 1;

    public TrainingOptions? LatestOptions() => Use(connection => Rows(connection,
        "SELECT options FROM runs ORDER BY id DESC LIMIT 1;", reader => JsonSerializer.Deserialize<TrainingOptions>(reader.GetString(0)))).SingleOrDefault();

    public void Append(long run, IReadOnlyList<StepRecord> steps, EpochRecord? epoch = null, Snapshot? snapshot = null) => Use(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var insert = Command(connection,
            "INSERT INTO steps VALUES (@run, @step, @epoch, @loss, @ms) ON CONFLICT (run_id, step) DO UPDATE SET epoch = excluded.epoch, loss = excluded.loss, ms = excluded.ms;");
        foreach (var step in steps)
        {
            Bind(insert, ("@run", run), ("@step", step.Step), ("@epoch", step.Epoch), ("@loss", step.Loss), ("@ms", step.Milliseconds));
            insert.ExecuteNonQuery();
        }
        if (epoch is not null)
            Execute(connection,
                "INSERT INTO epochs VALUES (@run, @epoch, @train, @val, @seconds) ON CONFLICT (run_id, epoch) DO UPDATE SET train_loss = excluded.train_loss, val_loss = excluded.val_loss, seconds = excluded.seconds;",
                ("@run", run), ("@epoch", epoch.Epoch), ("@train", epoch.TrainLoss), ("@val", epoch.ValidationLoss), ("@seconds", epoch.Seconds));
        if (snapshot is not null)
            Execute(connection,
                "INSERT INTO snapshots VALUES (@run, @step, @epoch, @data) ON CONFLICT (run_id, step) DO UPDATE SET epoch = excluded.epoch, data = excluded.data;",
                ("@run", run), ("@step", snapshot.Step), ("@epoch", snapshot.Epoch), ("@data", SnapshotCodec.Encode(snapshot)));
        transaction.Commit();
        return 0;
    });

    public void TruncateAfter(long run, int epoch, int step) => Use(connection =>
    {
        using var transaction = connection.BeginTransaction();
        foreach (var (table, column, value) in new[] { ("steps", "step", step), ("epochs", "epoch", epoch), ("snapshots", "step", step) })
            Execute(connection, $"DELETE FROM {table} WHERE run_id = @run AND {column} > @value;", ("@run", run), ("@value", value));
        transaction.Commit();
        return 0;
    });

    /// <summary>A run another living process trains (a `train` verb beside the lab, a worker elsewhere) keeps its status.</summary>
    public int MarkInterrupted() => Use(connection =>
    {
        var orphans = Rows(connection, "SELECT id, owner FROM runs WHERE status IN ('Training', 'Stopping');",
            reader => (Id: reader.GetInt64(0), Owner: reader.IsDBNull(1) ? null : reader.GetString(1))).Where(r => RunOwner.IsGone(r.Owner));
        int marked = 0;
        foreach (var orphan in orphans)
            marked += Execute(connection,
                "UPDATE runs SET status = 'Interrupted', reason = 'The process training this run stopped; resume it from its last checkpoint.' WHERE id = @id AND status IN ('Training', 'Stopping');",
                ("@id", orphan.Id));
        return marked;
    });

    public void Delete(long run) => Use(connection => Execute(connection, "DELETE FROM runs WHERE id = @id;", ("@id", run)));

    public IReadOnlyList<StoredRun> List() => Query("1 = 1");

    public StoredRun? Find(long run) => Query("r.id = @id", ("@id", run)).SingleOrDefault();

    public StoredRun? NewestActive() => Query("r.status IN ('Training', 'Stopping')").FirstOrDefault();

    public IReadOnlyList<StepRecord> Steps(long run, int stepsPerEpoch, int after = 0, int? limit = null) => Use(connection => Rows(connection,
        "SELECT step, epoch, loss, ms FROM steps WHERE run_id = @run AND step > @after ORDER BY step LIMIT @limit;", reader =>
        {
            int step = reader.GetInt32(0), epoch = reader.GetInt32(1);
            return new StepRecord(epoch, step, step - (epoch - 1) * stepsPerEpoch, stepsPerEpoch, reader.GetDouble(2), reader.GetDouble(3));
        }, ("@run", run), ("@after", after), ("@limit", (long)(limit ?? int.MaxValue))));

    public IReadOnlyList<EpochRecord> Epochs(long run) => Use(connection => Rows(connection,
        "SELECT epoch, train_loss, val_loss, seconds FROM epochs WHERE run_id = @run ORDER BY epoch;",
        reader => new EpochRecord(reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)), ("@run", run)));

    public IReadOnlyList<Snapshot> Snapshots(long run) => Use(connection => Rows(connection,
        "SELECT step, data FROM snapshots WHERE run_id = @run ORDER BY step;", reader => DecodeSnapshot(run, reader), ("@run", run)));

    public IReadOnlyList<int> SnapshotSteps(long run) => Use(connection => Rows(connection,
        "SELECT step FROM snapshots WHERE run_id = @run ORDER BY step;", reader => reader.GetInt32(0), ("@run", run)));

    public Snapshot? SnapshotAt(long run, int? step) => Use(connection => Rows(connection,
        "SELECT step, data FROM snapshots WHERE run_id = @run AND (@step < 0 OR step = @step) ORDER BY step DESC LIMIT 1;",
        reader => DecodeSnapshot(run, reader), ("@run", run), ("@step", step ?? Every)).SingleOrDefault());

    public Snapshot? EpochEndSnapshot(long run, int epoch) => Use(connection => Rows(connection,
        "SELECT step, data FROM snapshots WHERE run_id = @run AND epoch = @epoch ORDER BY step DESC LIMIT 1;",
        reader => DecodeSnapshot(run, reader), ("@run", run), ("@epoch", epoch)).SingleOrDefault() is { EpochEnd: true } snapshot ? snapshot : null);

    public void Claim(long run, string worker) => Use(connection => Execute(connection,
        "UPDATE runs SET status = 'Training', reason = NULL, ended = NULL, owner = @owner, worker = @worker WHERE id = @id;",
        ("@owner", RunOwner.Current), ("@worker", worker), ("@id", run)));

    public void RequestStop(long run) => Use(connection => Execute(connection, "UPDATE runs SET stop_requested = 1 WHERE id = @id;", ("@id", run)));

    public bool StopRequested(long run) => Use(connection => Rows(connection,
        "SELECT stop_requested FROM runs WHERE id = @id;", reader => reader.GetInt32(0) != 0, ("@id", run)).SingleOrDefault());

    /// <summary>How long a silent worker stays in the workers table.</summary>
    public static readonly TimeSpan WorkerForgottenAfter = TimeSpan.FromDays(1);

    public void ReportWorker(string worker, long? run) => Use(connection =>
    {
        var now = DateTimeOffset.UtcNow;
        Execute(connection, "INSERT INTO workers VALUES (@name, @run, @seen) ON CONFLICT (name) DO UPDATE SET run_id = excluded.run_id, seen = excluded.seen;",
            ("@name", worker), ("@run", run), ("@seen", Iso(now)));
        return Execute(connection, "DELETE FROM workers WHERE seen < @forgotten;", ("@forgotten", Iso(now - WorkerForgottenAfter)));
    });

    public IReadOnlyList<WorkerInfo> Workers() => Use(connection => Rows(connection,
        "SELECT name, run_id, seen FROM workers ORDER BY seen DESC;",
        reader => new WorkerInfo(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), Time(reader.GetString(2)))));

    static Snapshot DecodeSnapshot(long run, DbDataReader reader)
    {
        try { return SnapshotCodec.Decode((byte[])reader[1]); }
        catch (InvalidDataException e) { throw new InvalidDataException($"run {run}'s snapshot at step {reader.GetInt32(0)}: {e.Message.TrimEnd('.')}", e); }
    }

    /// <summary>The runs that meet <paramref name="condition"/> (on the runs table, as r), newest first.</summary>
    IReadOnlyList<StoredRun> Query(string condition, params (string, object?)[] parameters) => Use(connection => Rows(connection,
        $"""
        SELECT r.id, r.options, r.parameters, r.dataset, r.train_images, r.test_images, r.steps_per_epoch, r.status, r.reason, r.started, r.ended,
               (SELECT CAST(COUNT(*) AS INTEGER) FROM epochs e WHERE e.run_id = r.id),
               (SELECT train_loss FROM epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1),
               (SELECT val_loss FROM epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1),
               (SELECT AVG(seconds) FROM epochs e WHERE e.run_id = r.id),
               r.sweep, r.notes, r.tags, r.initial_val_loss, r.worker, {HasCheckpointSql ?? "NULL"}
        FROM runs r WHERE {condition} ORDER BY r.id DESC;
        """, ReadRun, parameters));

    StoredRun ReadRun(DbDataReader reader)
    {
        long id = reader.GetInt64(0);
        try
        {
            var options = JsonSerializer.Deserialize<TrainingOptions>(reader.GetString(1)) ?? throw new InvalidDataException("its options are null");
            return new StoredRun(id, options, reader.GetInt64(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), Enum.Parse<TrainingState>(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8), Time(reader.GetString(9)), reader.IsDBNull(10) ? null : Time(reader.GetString(10)),
                reader.GetInt32(11), Nullable(reader, 12), Nullable(reader, 13), Nullable(reader, 14),
                reader.IsDBNull(15) ? null : reader.GetInt64(15), reader.IsDBNull(20) ? CheckpointOf(id).Exists : reader.GetBoolean(20))
            {
                Notes = reader.GetString(16),
                Tags = JsonSerializer.Deserialize<string[]>(reader.GetString(17)) ?? throw new InvalidDataException("its tags are null"),
                InitialValidationLoss = Nullable(reader, 18),
                Worker = reader.IsDBNull(19) ? null : reader.GetString(19),
            };
        }
        catch (Exception e) when (e is not DbException && IsFault(e))
        {
            throw new InvalidDataException($"run {id}: {e.Message.TrimEnd('.')}", e);
        }
    }

    protected static double? Nullable(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    /// <summary>Runs a read or a write on a connection of its own; a fault of the store or of what it holds becomes a <see cref="RunStoreException"/>.</summary>
    protected internal T Use<T>(Func<DbConnection, T> work)
    {
        try
        {
            using var connection = OpenConnection();
            return work(connection);
        }
        catch (Exception e) when (e is not RunStoreException && IsFault(e))
        {
            throw Fault(e);
        }
    }

    protected static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        return command;
    }

    protected static void Bind(DbCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (!command.Parameters.Contains(name))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }

    protected internal static List<T> Rows<T>(DbConnection connection, string sql, Func<DbDataReader, T> row, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    protected internal static int Execute(DbConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    protected static long Insert(DbConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    protected static T Scalar<T>(DbConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    protected static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    static DateTimeOffset Time(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
