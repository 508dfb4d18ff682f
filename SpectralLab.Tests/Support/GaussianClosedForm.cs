namespace SpectralLab.Tests.Support;

/// <summary>The published Gaussian filter written out by hand: the independent reference for the families' tensors.</summary>
public static class GaussianClosedForm
{
    /// <summary>s0·exp(−a(v−y0)² + 2b(u−x0)(v−y0) − c(u−x0)²) for p = (x0, y0, a, b, c, s0).</summary>
    public static double At(ReadOnlySpan<float> p, double u, double v)
    {
        double x0 = p[0], y0 = p[1], a = p[2], b = p[3], c = p[4], s0 = p[5];
        return s0 * Math.Exp(-a * (v - y0) * (v - y0) + 2 * b * (u - x0) * (v - y0) - c * (u - x0) * (u - x0));
    }
}
