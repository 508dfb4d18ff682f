using System.Numerics;

namespace SpectralLab.Core.Flexibility;

/// <summary>
/// A real image's rfft2 grid as plain numbers: H rows × (W/2+1) columns, real and imaginary parts row-major. The
/// analysis keeps targets, fits and filtered digits in this form so that screens and stored results never need torch.
/// </summary>
public sealed record HalfSpectrum(int Height, int Width, float[] Real, float[] Imaginary)
{
    public int Columns => Width / 2 + 1;

    /// <summary>rfft2 of a real H×W image (row-major), X[k, l] = Σ x[m, n]·e^(−2πi(km/H + ln/W)), one axis at a time.</summary>
    public static HalfSpectrum Of(float[] image, int height, int width)
    {
        int columns = width / 2 + 1;
        var rows = new Complex[height * columns]; // the transform along each row first
        for (int m = 0; m < height; m++)
        for (int l = 0; l < columns; l++)
        {
            Complex sum = 0;
            for (int n = 0; n < width; n++) sum += image[m * width + n] * Twiddle(-(long)l * n, width);
            rows[m * columns + l] = sum;
        }
        var real = new float[height * columns];
        var imaginary = new float[height * columns];
        for (int k = 0; k < height; k++)
        for (int l = 0; l < columns; l++)
        {
            Complex sum = 0;
            for (int m = 0; m < height; m++) sum += rows[m * columns + l] * Twiddle(-(long)k * m, height);
            real[k * columns + l] = (float)sum.Real;
            imaginary[k * columns + l] = (float)sum.Imaginary;
        }
        return new HalfSpectrum(height, width, real, imaginary);
    }

    /// <summary>
    /// irfft2 back to H×W as torch computes it: the half spectrum is read as Hermitian, so the imaginary parts of the
    /// zero and (even W) Nyquist columns drop out.
    /// </summary>
    public float[] Inverse()
    {
        var rows = new Complex[Height * Columns]; // inverse along each column of the half grid first
        for (int m = 0; m < Height; m++)
        for (int l = 0; l < Columns; l++)
        {
            Complex sum = 0;
            for (int k = 0; k < Height; k++) sum += new Complex(Real[k * Columns + l], Imaginary[k * Columns + l]) * Twiddle((long)k * m, Height);
            rows[m * Columns + l] = sum / Height;
        }
        var image = new float[Height * Width];
        for (int m = 0; m < Height; m++)
        for (int n = 0; n < Width; n++)
        {
            double sum = rows[m * Columns].Real;
            for (int l = 1; l < Columns; l++)
            {
                double term = (rows[m * Columns + l] * Twiddle((long)l * n, Width)).Real;
                sum += Width % 2 == 0 && l == Width / 2 ? term : 2 * term;
            }
            image[m * Width + n] = (float)(sum / Width);
        }
        return image;
    }

    /// <summary>The pointwise complex product with another spectrum on the same grid (a circular convolution).</summary>
    public HalfSpectrum Times(HalfSpectrum other)
    {
        var real = new float[Real.Length];
        var imaginary = new float[Real.Length];
        for (int i = 0; i < Real.Length; i++)
        {
            real[i] = Real[i] * other.Real[i] - Imaginary[i] * other.Imaginary[i];
            imaginary[i] = Real[i] * other.Imaginary[i] + Imaginary[i] * other.Real[i];
        }
        return this with { Real = real, Imaginary = imaginary };
    }

    /// <summary>The Euclidean norm over the grid's real and imaginary parts.</summary>
    public double Norm() => Math.Sqrt(Real.Sum(x => (double)x * x) + Imaginary.Sum(x => (double)x * x));

    /// <summary>‖this − other‖ / ‖other‖: how far this spectrum is from <paramref name="other"/>, relative to its size.</summary>
    public double RelativeDistanceTo(HalfSpectrum other)
    {
        double difference = 0;
        for (int i = 0; i < Real.Length; i++)
        {
            double re = Real[i] - other.Real[i], im = Imaginary[i] - other.Imaginary[i];
            difference += re * re + im * im;
        }
        return Math.Sqrt(difference) / other.Norm();
    }

    /// <summary>Each frequency's magnitude and phase (radians), row-major.</summary>
    public (float[] Magnitude, float[] Phase) Polar() =>
        (Real.Zip(Imaginary, (re, im) => MathF.Sqrt(re * re + im * im)).ToArray(), Real.Zip(Imaginary, (re, im) => MathF.Atan2(im, re)).ToArray());

    static Complex Twiddle(long numerator, int length) => Complex.FromPolarCoordinates(1, 2 * Math.PI * (numerator % length) / length);
}
