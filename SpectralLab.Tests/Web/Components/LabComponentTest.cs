using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Tests.Web.Components;

/// <summary>
/// A bunit context with MudBlazor's services, the lab's bounds and read queries over a run store in a temporary folder
/// (made on first use), and builders for the records the components show. Disposed asynchronously: some of
/// MudBlazor's services can only be disposed that way.
/// </summary>
public abstract class LabComponentTest : IAsyncLifetime
{
    readonly Lazy<(TempDirectory Folder, SqliteRunStore Store)> storage = new(() =>
    {
        var folder = new TempDirectory();
        return (folder, new SqliteRunStore(folder.File("runs.db")));
    });

    protected BunitContext Context { get; } = new();

    /// <summary>The run store the pages read through <see cref="IRunQueries"/>.</summary>
    protected SqliteRunStore Store => storage.Value.Store;

    // Live pages render on their own schedule; on two busy cores a second is not always enough.
    static LabComponentTest() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected LabComponentTest()
    {
        Context.Services.AddMudServices();
        Context.Services.AddSingleton(RunStateLimits.Default);
        Context.Services.AddSingleton(new MemoryBudget(4L << 30, "a test's budget"));
        Context.Services.AddSingleton<IRunQueries>(_ => new RunQueries(Store, RunStateLimits.Default, Path.GetDirectoryName(Store.Path)));
        Context.JSInterop.Mode = JSRuntimeMode.Loose; // MudBlazor's own scripts are not under test here
    }

    protected BunitServiceProvider Services => Context.Services;

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        parameters is null ? Context.Render<T>() : Context.Render<T>(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        if (!storage.IsValueCreated) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // release the database file before deleting it
        storage.Value.Folder.Dispose();
    }

    protected static RunInfo Run(int epochs = 5, int stepsPerEpoch = 10) =>
        new(1, new TrainingOptions { Epochs = epochs }, "Spectral encoder (Gaussian)", 19_553, "MNIST", 1280, 100, stepsPerEpoch, DateTimeOffset.UtcNow.AddMinutes(-1));

    protected static StepRecord Step(int step, double loss = 0.5, int stepsPerEpoch = 10) =>
        new((step - 1) / stepsPerEpoch + 1, step, (step - 1) % stepsPerEpoch + 1, stepsPerEpoch, loss, 12);

    protected static Snapshot Snapshot(int step, int layers = 2, int filters = 32)
    {
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");
        var layerSnapshots = Enumerable.Range(0, layers).Select(l =>
        {
            int size = 28 >> l, grid = size * (size / 2 + 1);
            float[] Ramp(int length, float scale) => Enumerable.Range(0, length).Select(i => scale * i / length).ToArray();
            return new LayerSnapshot(l, size, size, 0.01f, 0.2f, ["x0", "y0"], Enumerable.Range(0, filters).Select(f =>
                new FilterSnapshot(f, [f, step], Ramp(grid, 1), Ramp(grid, -1), Ramp(grid, 2), Ramp(grid, 3), Ramp(size * size, 0.5f), 0, 2)).ToList(), png);
        }).ToList();
        return new Snapshot(step, 1, false, DateTimeOffset.UtcNow, png, layerSnapshots);
    }

    protected static LabView ViewOf(params LabEvent[] events)
    {
        var view = new LabView();
        foreach (var labEvent in events) view.Apply(labEvent);
        return view;
    }
}
