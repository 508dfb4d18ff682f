using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// A convolution layer that lives in the Fourier domain: the input is transformed with rfft2, multiplied by the
/// family's filters, passed through ReLU on the real and imaginary parts separately (unless the layer is linear), and
/// returned to H×W with irfft2. As published the input channels are summed first (the spectrum of a sum is the sum of
/// the spectra, so one transform serves them all) and each filter makes one output channel: [N, C, H, W] → [N, F, H, W].
/// With <see cref="ChannelMixing.Full"/> every input channel has its own filter per output channel:
/// [N, C, H, W] → [N, F/C, H, W].
/// </summary>
public sealed class SpectralConv2d : nn.Module<Tensor, Tensor>
{
    readonly SpectralFilterFamily filters;

    /// <param name="inChannels">For <see cref="ChannelMixing.Full"/>, the input channel count C (the family holds
    /// out × C filters); a summing layer accepts any number and ignores it.</param>
    /// <param name="activate">False for a linear layer (no ReLU on the spectrum), e.g. one that makes logits.</param>
    public SpectralConv2d(SpectralFilterFamily filters, SpectralProduct product = SpectralProduct.Complex,
        ChannelMixing mixing = ChannelMixing.Sum, int inChannels = 1, bool activate = true)
        : base(nameof(SpectralConv2d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        if (mixing == ChannelMixing.Full && filters.FilterCount % inChannels != 0)
            throw new ArgumentException(
                $"Full channel mixing needs out × {inChannels} filters; the family has {filters.FilterCount}.", nameof(filters));
        this.filters = filters;
        Product = product;
        Mixing = mixing;
        InChannels = mixing == ChannelMixing.Full ? inChannels : 1;
        Activate = activate;
        RegisterComponents();
    }

    public SpectralFilterFamily Filters => filters;

    public SpectralProduct Product { get; }

    public ChannelMixing Mixing { get; }

    /// <summary>The input channels the filters expect: C for full mixing, 1 (the summed input) otherwise.</summary>
    public int InChannels { get; }

    public int OutChannels => filters.FilterCount / InChannels;

    public bool Activate { get; }

    /// <summary>The height and width of the last input seen, so a snapshot can rebuild the filters on its grid.</summary>
    public (int Height, int Width) LastInputSize { get; private set; }

    public override Tensor forward(Tensor input)
    {
        int channels = (int)input.shape[1], height = (int)input.shape[2], width = (int)input.shape[3];
        if (Mixing == ChannelMixing.Full && channels != InChannels)
            throw new ArgumentException($"This layer mixes {InChannels} input channels; the input has {channels}.", nameof(input));
        LastInputSize = (height, width);
        var spectrum = fft.rfft2(Mixing == ChannelMixing.Sum ? input.sum(1, keepdim: true) : input); // [N, 1 or C, H, W/2+1]
        var grid = new FrequencyGrid(height, width);
        var (wr, wi) = filters.Build(grid); // [F, H, W/2+1]
        var product = Product == SpectralProduct.Complex
            ? Times(spectrum, torch.complex(wr, wi), grid) // one complex multiply: fewer passes over memory than four real ones
            : PreFixProduct(torch.view_as_real(spectrum), wr, wi, grid);
        // ReLU on the real and imaginary parts alike: on the interleaved view, then back to complex without a copy.
        var activated = Activate ? torch.view_as_complex(nn.functional.relu(torch.view_as_real(product))) : product;
        return fft.irfft2(activated, s: [height, width]); // irfft2 needs s: odd sizes come back wrong otherwise
    }

    /// <summary>Summing: X·W_f broadcast over filters. Full: Σ_c X_c·W_{f,c} as one contraction over channels.</summary>
    Tensor Times(Tensor spectrum, Tensor weights, FrequencyGrid grid) => Mixing == ChannelMixing.Sum
        ? spectrum * weights
        : einsum("nchw,fchw->nfhw", spectrum, weights.view(OutChannels, InChannels, grid.Height, grid.Columns));

    /// <summary>The library's product before its fix: the real part as the complex product, the imaginary part Re·Re + Im·Im.</summary>
    Tensor PreFixProduct(Tensor spectrum, Tensor wr, Tensor wi, FrequencyGrid grid)
    {
        var x = spectrum.select(-1, 0);
        var y = spectrum.select(-1, 1);
        return torch.complex(Times(x, wr, grid) - Times(y, wi, grid), Times(x, wr, grid) + Times(y, wi, grid));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) filters.Dispose();
        base.Dispose(disposing);
    }
}
