using SpectralLab.Core.Models;
using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Models;

[Collection(TorchCollection.Name)]
public sealed class SpectralAutoencoderTests
{
    [Fact]
    public void New_Default_HasOnlySpectralLayersPoolingToTheSevenBySevenBottleneck()
    {
        using var model = new SpectralAutoencoder();

        var kinds = model.modules().Select(m => m.GetType()).ToHashSet();
        var code = model.named_modules().Where(m => m.module is SpectralPool2d).Select(m => ((SpectralPool2d)m.module).Height).ToArray();

        Assert.DoesNotContain(kinds, t => t.Namespace == "TorchSharp.Modules" && t.Name.StartsWith("Conv", StringComparison.Ordinal));
        Assert.Equal([14, 7], code);
        Assert.Equal([ChannelMixing.Sum, ChannelMixing.Full, ChannelMixing.Full, ChannelMixing.Full], model.SpectralLayers.Select(l => l.Mixing));
        Assert.Equal([32, 32, 32, 1], model.SpectralLayers.Select(l => l.OutChannels));
        Assert.False(model.SpectralLayers[^1].Activate); // the logits layer is linear
    }

    [Fact]
    public void Forward_MnistBatch_EachSpectralLayerWorksOnItsGrid()
    {
        using var model = new SpectralAutoencoder();

        var output = model.forward(rand(2, 1, 28, 28));

        Assert.Equal([2, 1, 28, 28], output.shape);
        Assert.Equal([(28, 28), (14, 14), (14, 14), (28, 28)], model.SpectralLayers.Select(l => l.LastInputSize));
    }
}
