namespace SpectralLab.Core.Runs;

/// <summary>
/// The embedded store's schema as numbered steps (<see cref="PostgresSchema"/> is the shared one's); PRAGMA user_version records how many have run, so an older database is
/// brought up to date on open, one step at a time, each in its own transaction.
/// </summary>
static class RunSchema
{
    public static readonly string[] Migrations =
    [
        // 1: runs and their loss curves
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY, model TEXT NOT NULL, options TEXT NOT NULL, parameters INTEGER NOT NULL,
            dataset TEXT NOT NULL, train_images INTEGER NOT NULL, test_images INTEGER NOT NULL, steps_per_epoch INTEGER NOT NULL,
            status TEXT NOT NULL, reason TEXT, started TEXT NOT NULL, ended TEXT);
        CREATE TABLE steps (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL, epoch INTEGER NOT NULL,
            loss REAL NOT NULL, ms REAL NOT NULL, PRIMARY KEY (run_id, step)) WITHOUT ROWID;
        CREATE TABLE epochs (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
            train_loss REAL NOT NULL, val_loss REAL NOT NULL, seconds REAL NOT NULL, PRIMARY KEY (run_id, epoch)) WITHOUT ROWID;
        """,
        // 2: epoch-end snapshots (pictures, filter parameters and values)
        """
        CREATE TABLE snapshots (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL, epoch INTEGER NOT NULL,
            data BLOB NOT NULL, PRIMARY KEY (run_id, step)) WITHOUT ROWID;
        """,
        // 3: runs trained together as one sweep
        "ALTER TABLE runs ADD COLUMN sweep INTEGER;",
        // 4: what the researcher wrote about a run, and its validation loss before the first step
        """
        ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        ALTER TABLE runs ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE runs ADD COLUMN initial_val_loss REAL;
        """,
        // 5: the process training a run (RunOwner), so a lab starting up marks Interrupted only the runs whose process is gone
        "ALTER TABLE runs ADD COLUMN owner TEXT;",
        // 6: training workers (a shared store has them; the embedded one keeps the same tables, so the queries are one)
        """
        ALTER TABLE runs ADD COLUMN worker TEXT;
        ALTER TABLE runs ADD COLUMN stop_requested INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE workers (name TEXT PRIMARY KEY, run_id INTEGER, seen TEXT NOT NULL);
        """,
    ];

    public static int Version => Migrations.Length;
}
