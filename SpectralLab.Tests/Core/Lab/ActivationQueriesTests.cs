using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

/// <summary>Activation maps of stored runs, computed from their kept checkpoints.</summary>
[Collection(TorchCollection.Name)]
public sealed class ActivationQueriesTests : WorkerAndStore
{
    readonly ActivationQueries queries;

    public ActivationQueriesTests() => queries = new ActivationQueries(Store, new LabDataset(null), Worker);

    [Fact]
    public async Task Activations_ASpatialRun_UseItsCheckpointsWeightsForEveryChannel()
    {
        long run = NewRun("spatial");
        SaveSpatialCheckpoint(run, epoch: 3, firstBias: 0.25f);

        var answer = await queries.ActivationsAsync(run, image: 0);

        var maps = answer.Value!;
        Assert.Equal(3, maps.Epoch);
        Assert.Null(maps.Note);
        Assert.Equal(2, maps.Layers.Count);
        // Zero kernels and a bias of 0.25: the checkpoint's first layer is 0.25 everywhere, before and after pooling.
        var first = maps.Layers[0];
        Assert.Equal((32, 28, 28, 0.25f, 0.25f), (first.Activated.Channels, first.Activated.Height, first.Activated.Width, first.Activated.Min, first.Activated.Max));
        Assert.Equal((32, 14, 14, 0.25f, 0.25f), (first.Pooled.Channels, first.Pooled.Height, first.Pooled.Width, first.Pooled.Min, first.Pooled.Max));
        Assert.Equal((14, 7), (maps.Layers[1].Activated.Height, maps.Layers[1].Pooled.Height));
        Assert.All(maps.Layers, layer => Assert.Equal([0x89, 0x50, 0x4E, 0x47], layer.Activated.Png[..4])); // PNG signature
    }

    [Fact]
    public async Task Activations_AnEpochNotKept_ShowTheNewestAndSaySo()
    {
        long run = NewRun("spatial");
        SaveSpatialCheckpoint(run, epoch: 1, firstBias: 0.5f);
        SaveSpatialCheckpoint(run, epoch: 2, firstBias: 0.75f);

        var previous = (await queries.ActivationsAsync(run, 0, epoch: 1)).Value!;
        var missing = (await queries.ActivationsAsync(run, 0, epoch: 7)).Value!;

        Assert.Equal((1, 0.5f), (previous.Epoch, previous.Layers[0].Activated.Max));
        Assert.Equal([1, 2], previous.KeptEpochs);
        Assert.Equal((2, 0.75f), (missing.Epoch, missing.Layers[0].Activated.Max));
        Assert.Equal("Epoch 7's checkpoint is not kept (a run keeps its newest two), so epoch 2's is shown.", missing.Note);
    }

    [Fact]
    public async Task Activations_NoCheckpointNoRunOrABadImage_SaySoInOneSentence()
    {
        long run = NewRun("spectral-gaussian");

        Assert.Equal($"Run {run} has no checkpoint yet: one is kept at the end of each epoch.", (await queries.ActivationsAsync(run, 0)).Problem);
        Assert.Equal("There is no run 999.", (await queries.ActivationsAsync(999, 0)).Problem);
        Assert.Equal("Image 10 is not one of the shown test images; choose 0 to 9.", (await queries.ActivationsAsync(run, 10)).Problem);
    }

    long NewRun(string model) => StoredRuns.Create(Store, model);

    /// <summary>A spatial model whose first convolution is zero but for its bias, saved as the run's checkpoint of <paramref name="epoch"/>.</summary>
    void SaveSpatialCheckpoint(long run, int epoch, float firstBias) => StoredRuns.SaveCheckpoint(Store, run, "spatial", epoch, model =>
    {
        Tensors.Set(model, "conv1.weight", new float[32 * 9]);
        Tensors.Set(model, "conv1.bias", Enumerable.Repeat(firstBias, 32).ToArray());
    });
}
