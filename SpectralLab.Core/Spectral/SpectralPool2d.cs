using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// Spectral pooling (Rippel et al. 2015): [N, C, H, W] → [N, C, h, w] by keeping only the frequencies an h×w image can
/// hold, |k| ≤ h/2 over rows and |l| ≤ w/2 over columns, then irfft2 to h×w. On the rfft2 grid that is the top
/// ceil(h/2) rows (k ≥ 0) and bottom floor((h−1)/2) rows (k &lt; 0), and columns 0..w/2.
/// For an even target the small grid has one Nyquist row standing for both k = +h/2 and k = −h/2, so it gets the sum
/// of those two rows, which is what sampling does to them (e^{iπm} = e^{−iπm}); the even Nyquist column likewise gets
/// X[k, w/2] + X[k, −w/2] = X[k, w/2] + conj(X[−k, w/2]). The result stays the spectrum of a real image, and an image
/// made only of the kept frequencies comes out exactly as sampled on the small grid. A constant keeps its value.
/// </summary>
public sealed class SpectralPool2d(int height, int width) : SpectralResize2d(nameof(SpectralPool2d), height, width)
{
    protected override string? Refusal(int height, int width) =>
        Height > height || Width > width ? $"Cannot pool a {height}×{width} input up to {Height}×{Width}." : null;

    protected override Tensor Resize(Tensor spectrum, int height, int width) => Columns(Rows(spectrum, height), width);

    Tensor Rows(Tensor spectrum, int height)
    {
        if (Height == height) return spectrum;
        int positive = (Height + 1) / 2, negative = (Height - 1) / 2;
        var parts = new List<Tensor> { spectrum.narrow(-2, 0, positive) };
        if (Height % 2 == 0) parts.Add(spectrum.narrow(-2, Height / 2, 1) + spectrum.narrow(-2, height - Height / 2, 1));
        parts.Add(spectrum.narrow(-2, height - negative, negative));
        return cat(parts, -2);
    }

    Tensor Columns(Tensor spectrum, int width)
    {
        if (Width == width) return spectrum;
        if (Width % 2 == 1) return spectrum.narrow(-1, 0, Width / 2 + 1);
        var nyquist = spectrum.narrow(-1, Width / 2, 1);
        var mirrored = nyquist.flip(-2).roll(1, -2).conj(); // row k → row −k, conjugated: the column at l = −w/2
        return cat([spectrum.narrow(-1, 0, Width / 2), nyquist + mirrored], -1);
    }
}
