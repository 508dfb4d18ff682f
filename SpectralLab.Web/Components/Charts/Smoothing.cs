namespace SpectralLab.Web.Components.Charts;

/// <summary>
/// TensorBoard's smoothing: an exponential moving average, ema_t = w·ema_{t-1} + (1 − w)·x_t from ema_0 = 0, shown as
/// ema_t / (1 − w^t) so the first points are not dragged towards zero (a constant series smooths to itself).
/// </summary>
public static class Smoothing
{
    /// <summary>The strongest weight the charts offer: 0.99 averages over about the last hundred points.</summary>
    public const double MaxWeight = 0.99;

    public static double[] DebiasedEma(IReadOnlyList<double> values, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, MaxWeight);
        var smoothed = new double[values.Count];
        double ema = 0, power = 1; // power = w^t
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i])) { smoothed[i] = values[i]; continue; } // a diverged step stays visible, and out of the average
            ema = weight * ema + (1 - weight) * values[i];
            power *= weight;
            smoothed[i] = ema / (1 - power);
        }
        return smoothed;
    }
}
