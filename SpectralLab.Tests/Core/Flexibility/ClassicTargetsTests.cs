using System.Numerics;
using SpectralLab.Core.Flexibility;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Flexibility;

public sealed class ClassicTargetsTests
{
    [Fact]
    public void All_KernelTargets_MatchADirectDftOfTheirKernel()
    {
        // Sobel x as a convolution kernel: tap (dy, dx) lands on pixel (dy mod 28, dx mod 28).
        float[,] sobel = { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } };
        var placed = new double[28, 28];
        for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
            placed[(dy + 28) % 28, (dx + 28) % 28] = sobel[dy + 1, dx + 1];

        var target = ClassicTargets.All().Single(t => t.Name == "Sobel x");

        AssertSpectrum(DirectDft.Rfft2(placed), target.Response);
    }

    [Fact]
    public void All_EveryTarget_IsTheTransferFunctionOfARealKernelOnTheGrid()
    {
        foreach (var target in ClassicTargets.All())
        {
            var kernel = target.Response.Inverse();
            var image = new double[28, 28];
            for (int i = 0; i < kernel.Length; i++) image[i / 28, i % 28] = kernel[i];

            AssertSpectrum(DirectDft.Rfft2(image), target.Response, target.Name);
        }
    }

    [Fact]
    public void All_Identity_PassesEveryFrequencyUnchanged()
    {
        var identity = ClassicTargets.All()[0].Response;

        Assert.All(identity.Real, re => Assert.Equal(1, re, 1e-6));
        Assert.All(identity.Imaginary, im => Assert.Equal(0, im, 1e-6));
    }

    [Fact]
    public void All_GaborOrientations_AreQuarterTurnsOfEachOther()
    {
        var targets = ClassicTargets.All();
        var at0 = targets.Single(t => t.Name == "Gabor 0°").Response.Inverse();
        var at90 = targets.Single(t => t.Name == "Gabor 90°").Response.Inverse();

        for (int y = 0; y < 28; y++)
        for (int x = 0; x < 28; x++)
            Assert.Equal(at0[y * 28 + x], at90[x * 28 + y], 1e-5); // the 90° kernel is the 0° one transposed
    }

    static void AssertSpectrum(Complex[,] expected, HalfSpectrum actual, string what = "")
    {
        for (int k = 0; k < actual.Height; k++)
        for (int l = 0; l < actual.Columns; l++)
        {
            Assert.True(Math.Abs(expected[k, l].Real - actual.Real[k * actual.Columns + l]) < 1e-4, $"{what} real part at ({k}, {l})");
            Assert.True(Math.Abs(expected[k, l].Imaginary - actual.Imaginary[k * actual.Columns + l]) < 1e-4, $"{what} imaginary part at ({k}, {l})");
        }
    }
}
