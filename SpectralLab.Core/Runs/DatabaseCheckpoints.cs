using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// A run's checkpoints as rows of the shared store (slot latest, previous, best, damaged, epoch-E), so a worker on any
/// machine resumes what another left. A new one and the moves it causes are one transaction: a worker killed mid-write
/// leaves the previous state whole.
/// </summary>
public sealed class DatabaseCheckpoints(SqlRunStore store, long run, Func<int, double?> lowestValidationBefore, int keptEpochs) : IRunCheckpoints
{
    const string Latest = "latest", Previous = "previous", Best = "best", Damaged = "damaged", EpochPrefix = "epoch-";

    /// <summary><see cref="Exists"/> in SQL, over the runs row r: every run of a list answered by one query.</summary>
    public const string ExistsSql = $"EXISTS (SELECT 1 FROM checkpoints c WHERE c.run_id = r.id AND c.slot IN ('{Latest}', '{Previous}'))";

    public string Location => $"run {run}'s newest checkpoint in {store.Location}";

    public bool Exists => Slots().Overlaps([Latest, Previous]);

    public bool NewestExists => Slots().Contains(Latest);

    public string NewestName => $"run {run}'s {Latest} checkpoint";

    public IReadOnlyList<CheckpointCandidate> Candidates
    {
        get
        {
            var slots = Slots();
            return [.. new[] { Latest, Previous }.Where(slots.Contains).Select(Candidate)];
        }
    }

    public CheckpointCandidate? Find(CheckpointChoice which) => which == CheckpointChoice.Best
        ? (Slots().Contains(Best) ? Candidate(Best) : null)
        : Candidates.FirstOrDefault();

    public IReadOnlyList<int> KeptEpochs => store.Use(connection => SqlRunStore.Rows(connection,
        "SELECT epoch FROM checkpoints WHERE run_id = @run AND slot LIKE 'epoch-%' ORDER BY epoch;", reader => reader.GetInt32(0), ("@run", run)));

    public void Write(CheckpointInfo info, double validationLoss, Action<Stream> write)
    {
        byte[] data;
        using (var bytes = new MemoryStream())
        {
            write(bytes);
            data = bytes.ToArray(); // one copy, written to every slot that takes it
        }
        var lowest = lowestValidationBefore(info.Epoch);
        store.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            Move(connection, Latest, Previous);
            Put(connection, Latest, info.Epoch, data);
            if (lowest is null || validationLoss < lowest) Put(connection, Best, info.Epoch, data);
            if (keptEpochs > 0)
            {
                Put(connection, EpochPrefix + info.Epoch, info.Epoch, data);
                SqlRunStore.Execute(connection,
                    """
                    DELETE FROM checkpoints WHERE run_id = @run AND slot LIKE 'epoch-%' AND epoch NOT IN
                        (SELECT epoch FROM checkpoints WHERE run_id = @run AND slot LIKE 'epoch-%' ORDER BY epoch DESC LIMIT @kept);
                    """, ("@run", run), ("@kept", keptEpochs));
            }
            transaction.Commit();
            return 0;
        });
    }

    public void FallBack() => store.Use(connection =>
    {
        using var transaction = connection.BeginTransaction();
        Move(connection, Latest, Damaged);
        Move(connection, Previous, Latest);
        transaction.Commit();
        return 0;
    });

    public void Delete() => store.Use(connection => SqlRunStore.Execute(connection, "DELETE FROM checkpoints WHERE run_id = @run;", ("@run", run)));

    HashSet<string> Slots() => [.. store.Use(connection => SqlRunStore.Rows(connection,
        "SELECT slot FROM checkpoints WHERE run_id = @run;", reader => reader.GetString(0), ("@run", run)))];

    CheckpointCandidate Candidate(string slot) => new(slot == Latest ? NewestName : $"run {run}'s {slot} checkpoint", () => new MemoryStream(store.Use(connection => SqlRunStore.Rows(connection,
        "SELECT data FROM checkpoints WHERE run_id = @run AND slot = @slot;", reader => (byte[])reader[0], ("@run", run), ("@slot", slot))).SingleOrDefault()
        ?? throw new InvalidDataException($"run {run}'s {slot} checkpoint is gone")));

    void Move(System.Data.Common.DbConnection connection, string from, string to)
    {
        SqlRunStore.Execute(connection, "DELETE FROM checkpoints WHERE run_id = @run AND slot = @to AND EXISTS (SELECT 1 FROM checkpoints WHERE run_id = @run AND slot = @from);",
            ("@run", run), ("@from", from), ("@to", to));
        SqlRunStore.Execute(connection, "UPDATE checkpoints SET slot = @to WHERE run_id = @run AND slot = @from;", ("@run", run), ("@from", from), ("@to", to));
    }

    void Put(System.Data.Common.DbConnection connection, string slot, int epoch, byte[] data) => SqlRunStore.Execute(connection,
        "INSERT INTO checkpoints VALUES (@run, @slot, @epoch, @data) ON CONFLICT (run_id, slot) DO UPDATE SET epoch = excluded.epoch, data = excluded.data;",
        ("@run", run), ("@slot", slot), ("@epoch", epoch), ("@data", data));
}
