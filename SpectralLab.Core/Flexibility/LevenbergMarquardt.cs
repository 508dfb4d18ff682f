using SpectralLab.Core.Spectral;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Flexibility;

/// <summary>
/// Levenberg–Marquardt on one filter's parameters: the residuals are the filter minus the target at every grid point
/// (real and imaginary parts), so the loss is exactly the fitter's. The Jacobian comes from central differences, every
/// perturbed copy of the filter built by one call to the family's own <see cref="SpectralFilterFamily.Build"/> (the copies
/// are the family's filters), so no family needs derivatives of its own. Close to an optimum it converges quadratically,
/// which first-order steps and an L-BFGS without a line search do not. Call on the thread that owns the fit's tensors.
/// </summary>
sealed class LevenbergMarquardt(FamilyChoice choice, FrequencyGrid grid, Tensor targetReal, Tensor targetImaginary)
{
    const double InitialDamping = 1e-3, MaxDamping = 1e12;

    /// <summary>Refines <paramref name="start"/> for at most <paramref name="iterations"/> accepted or rejected steps; returns the point and its loss.</summary>
    public (double Loss, double[] Parameters) Refine(double[] start, int iterations)
    {
        double[] point = start;
        double damping = InitialDamping;
        using var scope = NewDisposeScope();
        var (residuals, jacobian) = Linearise(point);
        double loss = SquaredNorm(residuals);
        for (int i = 0; i < iterations && damping < MaxDamping && loss > 0; i++)
        {
            using var stepScope = NewDisposeScope();
            var normal = jacobian.t().matmul(jacobian);
            var gradient = jacobian.t().matmul(residuals);
            var damped = normal + diag(normal.diagonal().clamp_min(1e-12)) * damping;
            var step = linalg.solve(damped, gradient.neg());
            double[] candidate = [.. point.Zip(step.data<double>().ToArray(), (p, s) => p + s)];
            var (candidateResiduals, candidateJacobian) = Linearise(candidate);
            double candidateLoss = SquaredNorm(candidateResiduals);
            if (double.IsFinite(candidateLoss) && candidateLoss < loss)
            {
                bool stalled = loss - candidateLoss <= 1e-15 * loss;
                (point, loss, damping) = (candidate, candidateLoss, Math.Max(damping / 3, 1e-15));
                residuals.Dispose();
                jacobian.Dispose();
                (residuals, jacobian) = (candidateResiduals.MoveToOuterDisposeScope(), candidateJacobian.MoveToOuterDisposeScope());
                if (stalled) break;
            }
            else damping *= 4;
        }
        return (loss, point);
    }

    /// <summary>The residuals at <paramref name="point"/> ([N]) and their Jacobian ([N, P]) by central differences.</summary>
    (Tensor Residuals, Tensor Jacobian) Linearise(double[] point)
    {
        int count = point.Length;
        var steps = point.Select(p => 1e-6 * Math.Max(1, Math.Abs(p))).ToArray();
        var copies = new double[2 * count + 1][];
        copies[0] = point;
        for (int p = 0; p < count; p++)
        {
            copies[2 * p + 1] = (double[])point.Clone();
            copies[2 * p + 1][p] += steps[p];
            copies[2 * p + 2] = (double[])point.Clone();
            copies[2 * p + 2][p] -= steps[p];
        }
        using var family = choice.Create(copies.Length, grid);
        family.to(float64);
        FamilyFitter.Assign([.. family.parameters()], copies);
        using var _ = no_grad();
        var (real, imaginary) = family.Build(grid);
        var responses = cat([(real - targetReal).flatten(1), (imaginary - targetImaginary).flatten(1)], 1); // [2P + 1, N]
        var residuals = responses[0];
        var differences = responses[TensorIndex.Slice(1, null, 2)] - responses[TensorIndex.Slice(2, null, 2)]; // [P, N]
        var jacobian = (differences / tensor(steps, float64).mul(2).unsqueeze(1)).t();
        return (residuals, jacobian);
    }

    static double SquaredNorm(Tensor residuals) => residuals.square().sum().item<double>();
}
