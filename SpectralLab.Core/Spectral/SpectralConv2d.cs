using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// A convolution layer that lives in the Fourier domain: the input channels are summed (the spectrum of a sum is
/// the sum of the spectra, so one transform serves them all), transformed with rfft2, multiplied by every filter of
/// the family, passed through ReLU on the real and imaginary parts separately, and returned to H×W with irfft2.
/// Input [N, C, H, W] → output [N, F, H, W].
/// </summary>
public sealed class SpectralConv2d : nn.Module<Tensor, Tensor>
{
    readonly SpectralFilterFamily filters;

    public SpectralConv2d(SpectralFilterFamily filters, SpectralProduct product = SpectralProduct.Complex)
        : base(nameof(SpectralConv2d))
    {
        this.filters = filters;
        Product = product;
        RegisterComponents();
    }

    public SpectralFilterFamily Filters => filters;

    public SpectralProduct Product { get; }

    /// <summary>The height and width of the last input seen, so a snapshot can rebuild the filters on its grid.</summary>
    public (int Height, int Width) LastInputSize { get; private set; }

    public override Tensor forward(Tensor input)
    {
        int height = (int)input.shape[2], width = (int)input.shape[3];
        LastInputSize = (height, width);
        var spectrum = fft.rfft2(input.sum(1, keepdim: true)); // [N, 1, H, W/2+1]
        var (wr, wi) = filters.Build(new FrequencyGrid(height, width)); // [F, H, W/2+1]
        var product = Product == SpectralProduct.Complex
            ? spectrum * torch.complex(wr, wi) // one complex multiply: fewer passes over memory than four real ones
            : AsPublished(torch.view_as_real(spectrum), wr, wi);
        // ReLU on the real and imaginary parts alike: on the interleaved view, then back to complex without a copy.
        var activated = torch.view_as_complex(nn.functional.relu(torch.view_as_real(product)));
        return fft.irfft2(activated, s: [height, width]); // irfft2 needs s: odd sizes come back wrong otherwise
    }

    /// <summary>The published code's product: the real part as the complex product, the imaginary part Re·Re + Im·Im.</summary>
    static Tensor AsPublished(Tensor spectrum, Tensor wr, Tensor wi)
    {
        var x = spectrum.select(-1, 0);
        var y = spectrum.select(-1, 1);
        return torch.complex(x * wr - y * wi, x * wr + y * wi);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) filters.Dispose();
        base.Dispose(disposing);
    }
}
