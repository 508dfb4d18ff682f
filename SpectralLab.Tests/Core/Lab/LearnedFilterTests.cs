using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Spectral;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

/// <summary>The playground starting from a filter a run learned, as its newest stored snapshot has it.</summary>
[Collection(TorchCollection.Name)]
public sealed class LearnedFilterTests : WorkerAndStore
{
    readonly FilterPlaygroundService playground;

    public LearnedFilterTests() => playground = new FilterPlaygroundService(Store, new LabDataset(null), Worker);

    static readonly string[] GaussianNames = ["re.x0", "re.y0", "re.a", "re.b", "re.c", "re.s0", "im.x0", "im.y0", "im.a", "im.b", "im.c", "im.s0"];

    [Theory]
    [InlineData("spectral-gaussian", GridConvention.Published)]
    [InlineData("spectral-gaussian-centred", GridConvention.Centred)]
    public async Task Learned_AGaussianRun_StartsFromItsParametersOnItsModelsGrid(string model, GridConvention convention)
    {
        long run = NewRun(model);
        float[] learned = [0.1f, -0.2f, 70f, 1f, 2f, 0.5f, 0f, 0f, 1f, 0f, 1f, -0.25f];
        StoreSnapshot(run, step: 40, GaussianNames, learned);

        var filter = (await playground.LearnedAsync(run, layer: 0, filter: 1)).Value!;

        Assert.Equal((FilterFamilyKind.Gaussian, convention), (filter.Spec.Family, filter.Spec.Convention));
        Assert.Equal(learned, filter.Spec.Parameters);
        Assert.Equal(GaussianNames, filter.Sliders.Select(s => s.Name));
        Assert.Equal((-70, 70), (filter.Sliders[2].Min, filter.Sliders[2].Max)); // widened to hold the learned a = 70
        Assert.Equal($"run {run}, layer 0, filter 1, at step 40 (epoch 1)", filter.Source);
    }

    [Fact]
    public async Task Learned_ARunWithoutThatFilter_SaysWhichOnesThereAre()
    {
        long run = NewRun("spectral-gaussian");
        StoreSnapshot(run, step: 10, GaussianNames, new float[12]);

        Assert.Equal($"Run {run} has spectral layers 0 to 0; layer 3 is not one of them.", (await playground.LearnedAsync(run, 3, 0)).Problem);
        Assert.Equal($"Layer 0 of run {run} shows filters 0 to 1; filter 5 is not one of them.", (await playground.LearnedAsync(run, 0, 5)).Problem);
        long spatial = NewRun("spatial");
        Assert.Equal($"Run {spatial} has no spectral filters to start from; choose a spectral run that has taken a snapshot.",
            (await playground.LearnedAsync(spatial, 0, 0)).Problem);
    }

    long NewRun(string model) => StoredRuns.Create(Store, model);

    /// <summary>A snapshot of one 28×28 layer of two filters, the second with <paramref name="parameters"/>.</summary>
    void StoreSnapshot(long run, int step, string[] names, float[] parameters)
    {
        int grid = 28 * 15;
        FilterSnapshot Filter(int index, float[] values) =>
            new(index, values, new float[grid], new float[grid], new float[grid], new float[grid], new float[28 * 28], 0, 0);
        var layer = new LayerSnapshot(0, 28, 28, 0, 1, names, [Filter(0, new float[names.Length]), Filter(1, parameters)], [0x89]);
        Store.Append(run, [], snapshot: new Snapshot(step, 1, false, DateTimeOffset.UtcNow, [0x89], [layer]));
    }
}
