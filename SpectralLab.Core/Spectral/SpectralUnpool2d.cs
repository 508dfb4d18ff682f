using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// The inverse of <see cref="SpectralPool2d"/>: [N, C, h, w] → [N, C, H, W] by zero-padding the rfft2 grid, i.e. the
/// band-limited (trigonometric) interpolation of the small image. An even-size Nyquist row or column stands for two
/// frequencies (±h/2, ±w/2) of the larger grid, so each of them gets half of it; the result stays the spectrum of a
/// real image, pooling it back gives the small image again, and unpool∘pool is a projection. A constant keeps its value.
/// </summary>
public sealed class SpectralUnpool2d(int height, int width) : SpectralResize2d(nameof(SpectralUnpool2d), height, width)
{
    protected override string? Refusal(int height, int width) =>
        Height < height || Width < width ? $"Cannot unpool a {height}×{width} input down to {Height}×{Width}." : null;

    protected override Tensor Resize(Tensor spectrum, int height, int width) => Rows(Columns(spectrum, width), height);

    Tensor Columns(Tensor spectrum, int width)
    {
        if (Width == width) return spectrum;
        int kept = width / 2 + 1;
        var parts = new List<Tensor>();
        if (width % 2 == 1) parts.Add(spectrum);
        else parts.AddRange([spectrum.narrow(-1, 0, width / 2), spectrum.narrow(-1, width / 2, 1) / 2]); // +w/2 here, −w/2 implied
        parts.Add(Zeros(spectrum, -1, Width / 2 + 1 - kept));
        return cat(parts, -1);
    }

    Tensor Rows(Tensor spectrum, int height)
    {
        if (Height == height) return spectrum;
        int positive = (height + 1) / 2, negative = (height - 1) / 2;
        bool even = height % 2 == 0;
        var nyquist = even ? spectrum.narrow(-2, height / 2, 1) / 2 : null; // half to row +h/2, half to row −h/2
        var parts = new List<Tensor> { spectrum.narrow(-2, 0, positive) };
        if (nyquist is not null) parts.Add(nyquist);
        parts.Add(Zeros(spectrum, -2, Height - height - (even ? 1 : 0)));
        if (nyquist is not null) parts.Add(nyquist);
        parts.Add(spectrum.narrow(-2, height - negative, negative));
        return cat(parts, -2);
    }

    static Tensor Zeros(Tensor like, int dimension, int count)
    {
        var shape = like.shape.ToArray();
        shape[shape.Length + dimension] = count;
        return zeros(shape, like.dtype, like.device);
    }
}
