using SpectralLab.Core.Spectral;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// An autoencoder with no spatial convolution at all: Gaussian spectral layers and spectral pooling both ways.
/// 1→32 filters at 28×28, pool to 14×14, 32→32 (full channel mixing), pool to 7×7 (the published bottleneck,
/// 32×7×7); unpool to 14×14, 32→32, unpool to 28×28, then a linear 32→1 spectral layer and a bias make the logits.
/// The hidden layers mix channels fully: summing 32 channels into one spectrum, as published, would squeeze the
/// whole code through a single channel.
/// </summary>
public sealed class SpectralAutoencoder : Autoencoder, IEncoderProbe
{
    // Gains near 1 (0.5 for one input; 0.1·√32 ≈ 0.6 over 32): the published N(0, 0.05) stalls (docs/performance.md).
    const double FirstLayerStd = 0.5, MixingLayerStd = 0.1;

    readonly SpectralConv2d encode1;
    readonly SpectralPool2d pool1;
    readonly SpectralConv2d encode2;
    readonly SpectralPool2d pool2;
    readonly SpectralUnpool2d unpool1;
    readonly SpectralConv2d decode1;
    readonly SpectralUnpool2d unpool2;
    readonly SpectralConv2d output;
    readonly Parameter bias;

    public SpectralAutoencoder(int channels = 32, int height = 28, int width = 28) : base(nameof(SpectralAutoencoder))
    {
        encode1 = new SpectralConv2d(new GaussianFilterFamily(channels, FirstLayerStd));
        pool1 = new SpectralPool2d(height / 2, width / 2);
        encode2 = Mixing(channels, channels, activate: true);
        pool2 = new SpectralPool2d(height / 4, width / 4);
        unpool1 = new SpectralUnpool2d(height / 2, width / 2);
        decode1 = Mixing(channels, channels, activate: true);
        unpool2 = new SpectralUnpool2d(height, width);
        output = Mixing(channels, 1, activate: false); // logits may be negative anywhere in the spectrum
        bias = nn.Parameter(zeros(1)); // the background's logit, without asking a filter's DC term to carry it
        RegisterComponents();
    }

    public override IReadOnlyList<SpectralConv2d> SpectralLayers => [encode1, encode2, decode1, output];

    public override Tensor Logits(Tensor input)
    {
        var x = unpool2.forward(decode1.forward(unpool1.forward(Activations(input)[^1].Pooled)));
        return output.forward(x) + bias;
    }

    public IReadOnlyList<EncoderActivation> Activations(Tensor input)
    {
        var first = EncoderActivation.Of("Spectral 1", encode1.forward(input), pool1.forward);
        var second = EncoderActivation.Of("Spectral 2 (full mixing)", encode2.forward(first.Pooled), pool2.forward);
        return [first, second];
    }

    static SpectralConv2d Mixing(int inChannels, int outChannels, bool activate) =>
        new(new GaussianFilterFamily(outChannels * inChannels, MixingLayerStd), SpectralProduct.Complex, ChannelMixing.Full, inChannels, activate);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encode1.Dispose();
            pool1.Dispose();
            encode2.Dispose();
            pool2.Dispose();
            unpool1.Dispose();
            decode1.Dispose();
            unpool2.Dispose();
            output.Dispose();
            bias.Dispose();
        }
        base.Dispose(disposing);
    }
}
