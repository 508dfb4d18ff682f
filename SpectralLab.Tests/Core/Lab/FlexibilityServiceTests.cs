using System.Collections.Concurrent;
using SpectralLab.Core.Data;
using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

/// <summary>The lab's flexibility analysis: its thread, progress, stop, stored reports and a cell's pictures.</summary>
[Collection(TorchCollection.Name)]
public sealed class FlexibilityServiceTests : IDisposable
{
    // Few steps: these tests are about the service, not the fitter's precision (FamilyFitterTests are).
    static readonly FitSettings Quick = new(Restarts: 1, AdamSteps: 20, LbfgsIterations: 20);
    static readonly FamilyChoice Poly1 = FamilyChoice.Find("poly1")!, Free = FamilyChoice.Find("free")!, Gaussian = FamilyChoice.Find("gaussian")!;

    readonly TempDirectory state = new();
    readonly TorchWorker worker = new();
    readonly FlexibilityService service;
    readonly ConcurrentQueue<FlexibilityUpdate> updates = new();

    public FlexibilityServiceTests()
    {
        service = new FlexibilityService(state.Path, new LabDataset(null), worker);
        service.Subscribe(updates.Enqueue);
    }

    [Fact]
    public async Task Start_ClassicTargetsAndTwoFamilies_PublishesEveryCellInOrderAndStoresTheReport()
    {
        var plan = new FlexibilityPlan(true, null, [Poly1, Free], Quick);

        Assert.Null(service.Start(plan));
        await WaitForEndAsync();

        var finished = updates.Where(u => u.Finished is not null).ToList();
        int total = ClassicTargets.Names.Count * 2;
        Assert.Equal(FlexibilityPhase.Finished, service.Progress.Phase);
        Assert.Equal(Enumerable.Range(1, total), finished.Select(u => u.Progress.Done));
        Assert.All(finished, u => Assert.Equal(total, u.Progress.Total));
        Assert.Equal($"identity × free", finished[0].Progress.Current); // after identity × polynomial 1, the next cell
        Assert.Equal([(0, "poly1"), (0, "free"), (1, "poly1")], finished.Take(3).Select(u => (u.Finished!.Target, u.Finished.Family)));
        // Independent facts: the identity's transfer function is 1 everywhere, a constant the linear polynomial holds
        // exactly; the free family holds any filter exactly.
        Assert.True(finished[0].Finished!.Residual < 1e-6, $"identity × poly1: {finished[0].Finished!.Residual}");
        Assert.All(finished.Where(u => u.Finished!.Family == "free"), u => Assert.True(u.Finished!.Residual < 1e-6, $"free: {u.Finished!.Residual}"));

        var stored = await service.StoredAsync(plan.Key);
        Assert.NotNull(stored);
        Assert.True(stored.Complete);
        Assert.Equal(finished.Select(u => u.Finished!.Residual), stored.Cells.Select(c => c.Residual));
        Assert.Equal([plan.Key], service.StoredKeys());
    }

    [Fact]
    public async Task Stop_AfterTheFirstCell_EndsStoppedWithThatCellStored()
    {
        var plan = new FlexibilityPlan(true, null, [Gaussian, Poly1], Quick);
        using var _ = service.Subscribe(u => { if (u.Finished is not null) service.Stop(); });

        Assert.Null(service.Start(plan));
        Assert.Equal("An analysis is already running; stop it or wait for it to finish.", service.Start(plan));
        await WaitForEndAsync();

        Assert.Equal(FlexibilityPhase.Stopped, service.Progress.Phase);
        var stored = await service.StoredAsync(plan.Key);
        Assert.NotNull(stored);
        Assert.False(stored.Complete);
        Assert.Equal([(0, "gaussian")], stored.Cells.Select(c => (c.Target, c.Family)));
    }

    [Fact]
    public void Start_NoTargets_IsRefusedWithThePlansSentenceAndNothingRuns()
    {
        string? problem = service.Start(new FlexibilityPlan(false, null, [Free], Quick));

        Assert.Equal("Choose the classic targets, a stored run, or both.", problem);
        Assert.Equal(FlexibilityPhase.Idle, service.Progress.Phase);
        Assert.Equal("The number of restarts must be between 1 and 16 (got 0).", service.Start(new FlexibilityPlan(true, null, [Free], new FitSettings(Restarts: 0))));
    }

    [Fact]
    public async Task Start_ARunThatIsNotStored_FailsSayingSo()
    {
        Assert.Null(service.Start(new FlexibilityPlan(false, 7, [Free], Quick)));
        await WaitForEndAsync();

        Assert.Equal(FlexibilityPhase.Failed, service.Progress.Phase);
        Assert.Equal("There is no run 7; /runs and `runs` list the stored ones.", service.Progress.Problem);
    }

    [Fact]
    public async Task Start_AStoredSpatialRun_HasEachFirstLayerKernelAsATarget()
    {
        long run;
        {
            var store = new SqliteRunStore(Path.Combine(state.Path, LabOptions.DatabaseFile));
            run = StoredRuns.WithCheckpoint(store, "spatial");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Null(service.Start(new FlexibilityPlan(false, run, [Free], Quick)));
        await WaitForEndAsync();

        Assert.Equal(FlexibilityPhase.Finished, service.Progress.Phase);
        Assert.Equal(32, service.Progress.Total); // the spatial model's first convolution has 32 output channels
        Assert.All(service.Report!.Targets, t => Assert.Equal($"run {run}", t.Source));
    }

    [Fact]
    public async Task Detail_IdentityByPolynomial_DrawsTheKernelAtTheOriginAndOffersTheConstantOne()
    {
        var plan = new FlexibilityPlan(true, null, [Poly1], Quick);
        Assert.Null(service.Start(plan));
        await WaitForEndAsync();
        var report = (await service.StoredAsync(plan.Key))!;

        var answer = await service.DetailAsync(report, 0, "poly1");

        Assert.Null(answer.Problem);
        var detail = answer.Value!;
        Assert.Equal(("identity", "polynomial 1"), (detail.Target, detail.Family));
        Assert.Equal(6, detail.Spectra.Count);
        Assert.All(detail.Spectra.Concat(detail.Kernels).Concat(detail.Digits), f => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], f.Figure.Png[..4]));
        // The identity's kernel is a single 1 at the origin, the centre of the crop.
        var kernel = FlexibilityPictures.AroundOrigin(report.Targets[0].Response.Inverse(), 28, 28);
        int centre = kernel.Length / 2;
        Assert.All(kernel.Select((value, i) => (value, i)), k => Assert.Equal(k.i == centre ? 1 : 0, k.value, 1e-5));
        // A transfer function of 1 everywhere is the polynomial c0 = 1, u1 = v1 = 0, imaginary part zero.
        var spec = detail.Playground!;
        Assert.Equal((FilterFamilyKind.Polynomial, 1), (spec.Family, spec.Degree));
        Assert.All(spec.Parameters.Zip<float, float>([1, 0, 0, 0, 0, 0]), p => Assert.Equal(p.Second, p.First, 1e-4));
    }

    [Fact]
    public async Task Detail_AGaussianCell_OffersParametersWhoseClosedFormIsTheStoredFit()
    {
        var plan = new FlexibilityPlan(true, null, [Gaussian], Quick);
        using var _ = service.Subscribe(u => { if (u.Progress.Done >= 4) service.Stop(); });
        Assert.Null(service.Start(plan));
        await WaitForEndAsync();
        var report = (await service.StoredAsync(plan.Key))!;

        var spec = (await service.DetailAsync(report, 3, "gaussian")).Value!.Playground!; // the Laplacian: far from unit norm

        var fit = report.Cell(3, "gaussian")!.Fit;
        var grid = new FrequencyGrid(28, 28);
        for (int row = 0; row < grid.Height; row++)
        for (int column = 0; column < grid.Columns; column++)
        {
            double u = grid.RowCoordinate(row, spec.Convention), v = grid.ColumnCoordinate(column);
            int at = row * grid.Columns + column;
            Assert.Equal(fit.Real[at], GaussianClosedForm.At(spec.Parameters.AsSpan(0, 6), u, v), 1e-3);
            Assert.Equal(fit.Imaginary[at], GaussianClosedForm.At(spec.Parameters.AsSpan(6, 6), u, v), 1e-3);
        }
    }

    [Fact]
    public async Task Detail_ACellNotFitted_IsRefusedSayingSo()
    {
        var report = new FlexibilityReport("k", ClassicTargets.All(), ["free"], [], new float[784], Quick, 0, false);

        var answer = await service.DetailAsync(report, 2, "free");

        Assert.Equal("Gaussian blur σ=1 has not been fitted by free yet.", answer.Problem);
    }

    Task WaitForEndAsync() => Eventually.WaitUntilAsync(() => !service.Progress.Running, TimeSpan.FromSeconds(120),
        () => $"{service.Progress}", "the analysis to end", TimeSpan.FromMilliseconds(50));

    public void Dispose()
    {
        service.Dispose();
        worker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        state.Dispose();
    }
}
