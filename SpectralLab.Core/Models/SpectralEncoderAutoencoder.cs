using SpectralLab.Core.Spectral;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// The published spectral encoder with the spatial decoder: two blocks of spectral convolution (rfft2 → filters →
/// ReLU on real and imaginary parts → irfft2) each followed by MaxPool 2 (channels-last, see <see cref="ChannelsLast"/>),
/// then the shared decoder. With 32 Gaussian filters per layer it has 19,553 parameters.
/// </summary>
public sealed class SpectralEncoderAutoencoder : Autoencoder, IEncoderProbe
{
    readonly SpectralConv2d block1;
    readonly SpectralConv2d block2;
    readonly SpatialDecoder decoder;

    /// <param name="family">Makes one layer's filters, given the size of that layer's input (the image, then half of it)
    /// and how many filters it needs: a free family needs the size, parametric ones may ignore it.</param>
    /// <param name="mixing">How the second layer combines its 32 input channels: summed as published, or each with its
    /// own filter per output channel (32 × 32 filters).</param>
    public SpectralEncoderAutoencoder(Func<FrequencyGrid, int, SpectralFilterFamily> family, SpectralProduct product, int channels = 32,
        int height = 28, int width = 28, ChannelMixing mixing = ChannelMixing.Sum)
        : base(nameof(SpectralEncoderAutoencoder))
    {
        block1 = new SpectralConv2d(family(new FrequencyGrid(height, width), channels), product);
        block2 = mixing == ChannelMixing.Sum
            ? new SpectralConv2d(family(new FrequencyGrid(height / 2, width / 2), channels), product)
            : new SpectralConv2d(family(new FrequencyGrid(height / 2, width / 2), channels * channels), product, mixing, inChannels: channels);
        decoder = new SpatialDecoder(channels);
        RegisterComponents();
    }

    public override IReadOnlyList<SpectralConv2d> SpectralLayers => [block1, block2];

    public override long? ForwardFlops(int batch, int height, int width)
    {
        long filters = block1.Filters.FilterCount, outputs = block2.OutChannels;
        return Flops.SpectralConv2d(batch, 1, filters, filters, height, width, block1.InChannels) + Flops.MaxPool2d(batch, filters, height / 2, width / 2)
            + Flops.SpectralConv2d(batch, filters, block2.Filters.FilterCount, outputs, height / 2, width / 2, block2.InChannels)
            + Flops.MaxPool2d(batch, outputs, height / 4, width / 4)
            + SpatialDecoder.ForwardFlops(batch, outputs, height / 4, width / 4);
    }

    public override Tensor Logits(Tensor input) => decoder.forward(Activations(input)[^1].Pooled);

    public IReadOnlyList<EncoderActivation> Activations(Tensor input)
    {
        var first = EncoderActivation.Of("Spectral 1", block1.forward(input), ChannelsLast.MaxPool2);
        var second = EncoderActivation.Of("Spectral 2", block2.forward(first.Pooled), ChannelsLast.MaxPool2);
        return [first, second];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            block1.Dispose();
            block2.Dispose();
            decoder.Dispose();
        }
        base.Dispose(disposing);
    }
}
