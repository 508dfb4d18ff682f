using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// Resizes [N, C, H, W] images to a fixed size through their spectrum: rfft2, rearrange the rfft2 grid for the new
/// size (<see cref="Resize"/>), irfft2 at that size, rescaled so that a constant keeps its value.
/// </summary>
public abstract class SpectralResize2d : nn.Module<Tensor, Tensor>
{
    protected SpectralResize2d(string name, int height, int width) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        (Height, Width) = (height, width);
        RegisterComponents();
    }

    /// <summary>The output size.</summary>
    public int Height { get; }

    public int Width { get; }

    /// <summary>Why an input of <paramref name="height"/>×<paramref name="width"/> cannot be resized, or null if it can.</summary>
    protected abstract string? Refusal(int height, int width);

    /// <summary>The rfft2 grid of an input of <paramref name="height"/>×<paramref name="width"/>, laid out for the output size.</summary>
    protected abstract Tensor Resize(Tensor spectrum, int height, int width);

    public override Tensor forward(Tensor input)
    {
        int height = (int)input.shape[^2], width = (int)input.shape[^1];
        if (Refusal(height, width) is { } refusal) throw new ArgumentException(refusal, nameof(input));
        // irfft2 divides by h·w where rfft2 multiplied by H·W: rescale so that means (a constant) are kept.
        return fft.irfft2(Resize(fft.rfft2(input), height, width), s: [Height, Width])
            .mul_((double)Height * Width / ((double)height * width));
    }
}
