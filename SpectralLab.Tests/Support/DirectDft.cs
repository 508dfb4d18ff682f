using System.Numerics;

namespace SpectralLab.Tests.Support;

/// <summary>
/// The 2-D discrete Fourier transforms written as plain sums, the independent reference for torch's rfft2/irfft2.
/// Arrays are [row, column].
/// </summary>
public static class DirectDft
{
    /// <summary>rfft2: X[k, l] = Σm Σn x[m, n]·e^(−2πi(km/H + ln/W)) for the W/2+1 non-negative column frequencies.</summary>
    public static Complex[,] Rfft2(double[,] x)
    {
        int h = x.GetLength(0), w = x.GetLength(1), columns = w / 2 + 1;
        var spectrum = new Complex[h, columns];
        for (int k = 0; k < h; k++)
        for (int l = 0; l < columns; l++)
        {
            Complex sum = 0;
            for (int m = 0; m < h; m++)
            for (int n = 0; n < w; n++)
                sum += x[m, n] * Complex.Exp(-2 * Math.PI * Complex.ImaginaryOne * ((double)k * m / h + (double)l * n / w));
            spectrum[k, l] = sum;
        }
        return spectrum;
    }

    /// <summary>
    /// irfft2 to H×W as torch defines it: an inverse DFT over rows, then a real inverse DFT over columns that treats
    /// the half spectrum as Hermitian (so the imaginary parts of the zero and, for even W, the Nyquist column drop out).
    /// </summary>
    public static double[,] Irfft2(Complex[,] half, int h, int w)
    {
        int columns = w / 2 + 1;
        var rows = new Complex[h, columns];
        for (int m = 0; m < h; m++)
        for (int l = 0; l < columns; l++)
        {
            Complex sum = 0;
            for (int k = 0; k < h; k++)
                sum += half[k, l] * Complex.Exp(2 * Math.PI * Complex.ImaginaryOne * k * m / h);
            rows[m, l] = sum / h;
        }
        var x = new double[h, w];
        for (int m = 0; m < h; m++)
        for (int n = 0; n < w; n++)
        {
            double sum = rows[m, 0].Real;
            for (int l = 1; l < columns; l++)
            {
                var term = rows[m, l] * Complex.Exp(2 * Math.PI * Complex.ImaginaryOne * l * n / w);
                sum += (w % 2 == 0 && l == w / 2) ? term.Real : 2 * term.Real;
            }
            x[m, n] = sum / w;
        }
        return x;
    }
}
