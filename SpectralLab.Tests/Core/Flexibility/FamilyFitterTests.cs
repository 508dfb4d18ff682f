using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Flexibility;

[Collection(TorchCollection.Name)]
public sealed class FamilyFitterTests
{
    const int Size = 28;
    static readonly FitSettings Settings = new(Restarts: 4);

    // What issue 15 asks of a family recovering a filter it made itself, with the restarts.
    const double Recovered = 1e-3;

    [Theory]
    [InlineData(GridConvention.Published, 0)]
    [InlineData(GridConvention.Centred, 0)]
    [InlineData(GridConvention.Published, 200)]
    public void Fit_TargetMadeByAGaussian_RecoversIt(GridConvention convention, int lbfgsIterations)
    {
        float[] real = [-0.2f, 0.3f, 25, 4, 40, 1.5f], imaginary = [0.1f, 0.6f, 60, -5, 15, -0.7f];
        var target = FromClosedForm(convention, (u, v) => (GaussianClosedForm.At(real, u, v), GaussianClosedForm.At(imaginary, u, v)));

        var fit = new FamilyFitter(Settings with { LbfgsIterations = lbfgsIterations }).Fit(new FamilyChoice(FamilyKind.Gaussian, 1, convention), target, seed: 7);

        Assert.True(fit.Residual < Recovered, $"relative residual {fit.Residual}");
        Assert.True(fit.Response.RelativeDistanceTo(target) < Recovered, $"the returned response is {fit.Response.RelativeDistanceTo(target)} away");
    }

    [Fact]
    public void Fit_TargetMadeByAMixtureOfTwo_RecoversIt()
    {
        float[] first = [-0.3f, 0.2f, 30, 0, 30, 1], second = [0.25f, 0.7f, 50, 10, 20, -0.8f], imaginary = [0, 0.4f, 40, 0, 40, 0.5f];
        var target = FromClosedForm(GridConvention.Centred,
            (u, v) => (GaussianClosedForm.At(first, u, v) + GaussianClosedForm.At(second, u, v), GaussianClosedForm.At(imaginary, u, v)));
        var fitter = new FamilyFitter(Settings);
        var one = fitter.Fit(new FamilyChoice(FamilyKind.Gaussian, 1, GridConvention.Centred), target, seed: 3);

        var two = fitter.Fit(new FamilyChoice(FamilyKind.Gaussian, 2, GridConvention.Centred), target, seed: 3, warm: one);

        Assert.True(two.Residual < Recovered, $"relative residual {two.Residual} (one Gaussian: {one.Residual})");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Fit_TargetMadeByAPolynomial_RecoversIt(int order)
    {
        var target = FromClosedForm(GridConvention.Published, (u, v) =>
            (Enumerable.Range(0, order + 1).Sum(k => (k + 1) * Math.Pow(u, k)) + Enumerable.Range(1, order).Sum(k => Math.Pow(v, k) / k),
             0.5 - Enumerable.Range(1, order).Sum(k => Math.Pow(-u, k) + 2 * Math.Pow(v, k))));

        var fit = new FamilyFitter(Settings).Fit(new FamilyChoice(FamilyKind.Polynomial, order, GridConvention.Published), target, seed: 1);

        Assert.True(fit.Residual < 1e-3, $"relative residual {fit.Residual}");
    }

    [Fact]
    public void Fit_FreeFamily_FitsAnyTarget()
    {
        var random = new Random(5);
        var target = FromClosedForm(GridConvention.Published, (_, _) => (random.NextDouble() - 0.5, random.NextDouble() - 0.5));

        var fit = new FamilyFitter(Settings).Fit(new FamilyChoice(FamilyKind.Free, 1, GridConvention.Published), target, seed: 1);

        Assert.True(fit.Residual < 1e-6, $"relative residual {fit.Residual}");
        Assert.True(fit.Response.RelativeDistanceTo(target) < 1e-6, $"the returned response is {fit.Response.RelativeDistanceTo(target)} away");
    }

    [Theory]
    [InlineData(4)] // Sobel x
    [InlineData(10)] // the band-pass ring
    public void Fit_MixturesOnAClassicTarget_NeverWorseThanOneGaussian(int classic)
    {
        var target = ClassicTargets.All()[classic].Response;
        var fitter = new FamilyFitter(new FitSettings(Restarts: 2, AdamSteps: 50, LbfgsIterations: 50));
        var fits = new List<FamilyFit>();
        for (int k = 1; k <= 3; k++)
            fits.Add(fitter.Fit(new FamilyChoice(FamilyKind.Gaussian, k, GridConvention.Published), target, seed: 11, warm: fits.LastOrDefault()));

        Assert.All(fits.Skip(1), fit => Assert.True(fit.Residual <= fits[0].Residual, $"K>1 residual {fit.Residual} against K=1 {fits[0].Residual}"));
        Assert.All(fits, fit => Assert.Equal(fit.Residual, fit.Response.RelativeDistanceTo(target), 1e-4));
    }

    /// <summary>A target written out by hand on the rfft2 grid's (u, v), independent of the families' code.</summary>
    static HalfSpectrum FromClosedForm(GridConvention convention, Func<double, double, (double Real, double Imaginary)> value)
    {
        int columns = Size / 2 + 1;
        var real = new float[Size * columns];
        var imaginary = new float[Size * columns];
        for (int i = 0; i < Size; i++)
        for (int j = 0; j < columns; j++)
            (real[i * columns + j], imaginary[i * columns + j]) = ((float, float))value(FilterClosedForm.U(i, Size, convention), FilterClosedForm.V(j, columns));
        return new HalfSpectrum(Size, Size, real, imaginary);
    }
}
