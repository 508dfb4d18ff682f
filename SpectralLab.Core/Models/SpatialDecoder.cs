using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// The published decoder shared by every encoder: two 3×3 transposed convolutions with stride 2 (each doubles the
/// size, as Keras' padding="same") and ReLU, then a 3×3 convolution to one channel. Returns logits.
/// </summary>
public sealed class SpatialDecoder : nn.Module<Tensor, Tensor>
{
    readonly ConvTranspose2d up1;
    readonly ConvTranspose2d up2;
    readonly SingleChannelConv2d output;

    public SpatialDecoder(int channels = 32) : base(nameof(SpatialDecoder))
    {
        up1 = KerasInit.GlorotZero(nn.ConvTranspose2d(channels, channels, 3, stride: 2, padding: 1, output_padding: 1));
        up2 = KerasInit.GlorotZero(nn.ConvTranspose2d(channels, channels, 3, stride: 2, padding: 1, output_padding: 1));
        output = new SingleChannelConv2d(channels, 3);
        RegisterComponents();
    }

    /// <summary>Decoding a [batch, channels, h, w] code into [batch, 1, 4h, 4w].</summary>
    public static long ForwardFlops(long batch, long channels, long height, long width) =>
        Flops.ConvTranspose2d(batch, channels, channels, height, width, 3)
        + Flops.ConvTranspose2d(batch, channels, channels, 2 * height, 2 * width, 3)
        + Flops.Conv2d(batch, channels, 1, 4 * height, 4 * width, 3);

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(up1.forward(input));
        x = nn.functional.relu(up2.forward(x));
        return output.forward(x);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            up1.Dispose();
            up2.Dispose();
            output.Dispose();
        }
        base.Dispose(disposing);
    }
}
