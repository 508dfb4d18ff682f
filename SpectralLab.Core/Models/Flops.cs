namespace SpectralLab.Core.Models;

/// <summary>
/// Floating-point operations of one forward pass, counted from layer shapes (a multiply-add is two). A training
/// step is counted as three forward passes: the backward pass computes two products of the forward's size (the
/// gradients with respect to the input and to the weights). FFTs are counted as 2.5·n·log2(n) for n real points,
/// the usual estimate for a real transform.
/// </summary>
public static class Flops
{
    public const int TrainingStepPerForward = 3;

    public static long Conv2d(long batch, long inChannels, long outChannels, long outHeight, long outWidth, long kernel) =>
        2 * batch * inChannels * outChannels * outHeight * outWidth * kernel * kernel;

    /// <summary>A transposed convolution does the work of a convolution whose output is its input.</summary>
    public static long ConvTranspose2d(long batch, long inChannels, long outChannels, long inHeight, long inWidth, long kernel) =>
        Conv2d(batch, outChannels, inChannels, inHeight, inWidth, kernel);

    public static long RealFft2(long images, long height, long width) =>
        (long)(2.5 * images * height * width * Math.Log2(height * width));

    /// <summary>
    /// One spectral layer: the channel sum (when it sums), an rfft2 per transformed input, a complex product per filter
    /// (6 operations a bin, plus 2 to accumulate when channels are mixed), ReLU on both parts, and an irfft2 per output.
    /// </summary>
    public static long SpectralConv2d(long batch, long inChannels, long filters, long outChannels, long height, long width, long transformedInputs)
    {
        long bins = height * (width / 2 + 1);
        return batch * inChannels * height * width + RealFft2(batch * transformedInputs, height, width)
            + batch * filters * bins * (6 + 2) + RealFft2(batch * outChannels, height, width);
    }

    public static long MaxPool2d(long batch, long channels, long outHeight, long outWidth) => batch * channels * outHeight * outWidth * 4;
}
