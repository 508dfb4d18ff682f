using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Npgsql;
using SpectralLab.Core.Runs;

namespace SpectralLab.Core.Lab.Workers;

/// <summary>
/// The runs waiting for training workers, kept by Hangfire in the shared PostgreSQL database (its own schema beside the run
/// store's tables): the lab and the verbs enqueue a stored run; each `worker` serves the queue one run at a time.
/// A run's job stays invisible to other workers while its worker lives (Hangfire's sliding invisibility timeout, renewed
/// by the worker's heartbeat), so a healthy run of any length is never taken twice; a worker that dies stops renewing,
/// and after <see cref="TakeoverAfter"/> another worker takes the run and resumes it from its last checkpoint.
/// </summary>
public sealed class TrainingQueue
{
    public const string Queue = "training";

    readonly PostgreSqlStorage storage;

    /// <param name="takeoverAfter">How long a run whose worker stopped renewing it waits before another worker takes it.</param>
    public TrainingQueue(string connectionString, TimeSpan takeoverAfter)
    {
        TakeoverAfter = takeoverAfter;
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            InvisibilityTimeout = takeoverAfter,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            PrepareSchemaIfNecessary = true,
        };
        try { storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new RunStoreException($"Cannot open the training queue in {PostgresRunStore.Describe(new NpgsqlConnectionStringBuilder(connectionString))} ({e.Message.TrimEnd('.')}); check that PostgreSQL runs there.", e);
        }
    }

    public TimeSpan TakeoverAfter { get; }

    /// <summary>Puts a stored run (status Queued) in the queue for the next free worker; returns the job's id.</summary>
    public string Enqueue(long run) =>
        new BackgroundJobClient(storage).Create<WorkerTraining>(job => job.Train(run, CancellationToken.None), new EnqueuedState(Queue));

    /// <summary>A Hangfire server named <paramref name="name"/> that trains one run at a time with <paramref name="training"/>.</summary>
    public BackgroundJobServer Serve(string name, WorkerTraining training) => new(new BackgroundJobServerOptions
    {
        ServerName = name,
        WorkerCount = 1, // a worker owns its cores: one run at a time
        Queues = [Queue],
        Activator = new Activator(training),
        ShutdownTimeout = TimeSpan.FromSeconds(30),
        SchedulePollingInterval = TimeSpan.FromSeconds(5),
    }, storage);

    /// <summary>Hands Hangfire the worker's one <see cref="WorkerTraining"/>, whatever asks.</summary>
    sealed class Activator(WorkerTraining training) : JobActivator
    {
        public override object ActivateJob(Type jobType) => jobType == typeof(WorkerTraining) ? training : base.ActivateJob(jobType);
    }
}
