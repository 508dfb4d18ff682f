using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// The published spatial baseline: Conv 1→32 3×3 + ReLU, MaxPool 2, Conv 32→32 3×3 + ReLU, MaxPool 2, then the
/// shared decoder. 28,353 parameters. Pools channels-last (see <see cref="ChannelsLast"/>).
/// </summary>
public sealed class SpatialAutoencoder : Autoencoder, IEncoderProbe
{
    readonly Conv2d conv1;
    readonly Conv2d conv2;
    readonly SpatialDecoder decoder;

    readonly int channels;

    public SpatialAutoencoder(int channels = 32) : base(nameof(SpatialAutoencoder))
    {
        this.channels = channels;
        conv1 = KerasInit.GlorotZero(nn.Conv2d(1, channels, 3, padding: 1));
        conv2 = KerasInit.GlorotZero(nn.Conv2d(channels, channels, 3, padding: 1));
        decoder = new SpatialDecoder(channels);
        RegisterComponents();
    }

    public override long? ForwardFlops(int batch, int height, int width) =>
        Flops.Conv2d(batch, 1, channels, height, width, 3) + Flops.MaxPool2d(batch, channels, height / 2, width / 2)
        + Flops.Conv2d(batch, channels, channels, height / 2, width / 2, 3) + Flops.MaxPool2d(batch, channels, height / 4, width / 4)
        + SpatialDecoder.ForwardFlops(batch, channels, height / 4, width / 4);

    public override Tensor Logits(Tensor input) => decoder.forward(Activations(input)[^1].Pooled);

    public IReadOnlyList<EncoderActivation> Activations(Tensor input)
    {
        var first = EncoderActivation.Of("Conv 1 (3×3) + ReLU", nn.functional.relu(conv1.forward(input)), ChannelsLast.MaxPool2);
        var second = EncoderActivation.Of("Conv 2 (3×3) + ReLU", nn.functional.relu(conv2.forward(first.Pooled)), ChannelsLast.MaxPool2);
        return [first, second];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            conv2.Dispose();
            decoder.Dispose();
        }
        base.Dispose(disposing);
    }
}
