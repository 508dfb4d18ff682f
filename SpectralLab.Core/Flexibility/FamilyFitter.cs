using SpectralLab.Core.Spectral;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Flexibility;

/// <summary>What fitting one family to one target gave: the fitted response, ‖W − T‖/‖T‖, and the winning parameters.</summary>
/// <param name="Parameters">The family's parameters (real part's, then imaginary part's, row-major) for the target
/// scaled to unit norm: a larger family of the same kind starts from them.</param>
public sealed record FamilyFit(HalfSpectrum Response, double Residual, double[] Parameters);

/// <summary>
/// Fits a family from Core/Spectral to a target's complex response by least squares over the rfft2 grid (every grid
/// point weighs the same): from each seeded start, Adam, then L-BFGS, then a Levenberg–Marquardt polish, keeping the best
/// point any stage reached. The filter
/// is the family's own <see cref="SpectralFilterFamily.Build"/>, in double precision, so the fit is exactly what a layer
/// with these parameters computes. Call on one thread, which owns every tensor made here.
/// </summary>
public sealed class FamilyFitter(FitSettings settings)
{
    /// <param name="warm">A fit of the same kind with one component fewer: restart 0 starts from it with the new
    /// component switched off, so a larger mixture is never worse than a smaller one.</param>
    public FamilyFit Fit(FamilyChoice choice, HalfSpectrum target, int seed, FamilyFit? warm = null)
    {
        using var scope = NewDisposeScope();
        var grid = new FrequencyGrid(target.Height, target.Width);
        double scale = target.Norm();
        if (scale == 0) return new FamilyFit(target, 0, []); // nothing to imitate: every family's zero filter is exact
        var targetReal = tensor(target.Real, float64).view(1, grid.Height, grid.Columns).div_(scale);
        var targetImaginary = tensor(target.Imaginary, float64).view(1, grid.Height, grid.Columns).div_(scale);
        var starts = new StartingPoints(choice, grid, target, scale, new Random(seed));

        // Every restart is a filter of one family: the loss is a sum of independent terms, so Adam (elementwise) runs each
        // restart exactly as it would alone. L-BFGS then refines each restart on its own (its steps would couple them).
        int restarts = choice.Kind == FamilyKind.Gaussian ? settings.Restarts : 1; // the others are linear in their parameters: one optimum
        using var family = choice.Create(restarts, grid);
        family.to(float64);
        var parameters = family.parameters().ToArray();
        Assign(parameters, [.. Enumerable.Range(0, restarts).Select(r => r == 0 && warm is { Parameters.Length: > 0 } ? starts.Extending(warm.Parameters) : starts.Next(r))]);
        Tensor Losses() => SquaredDistances(family, grid, targetReal, targetImaginary);
        (double Loss, double[] Parameters)? best = null;
        Keep();
        using (var adam = optim.Adam(parameters, settings.AdamLearningRate))
            for (int step = 0; step < settings.AdamSteps; step++)
            {
                using var stepScope = NewDisposeScope();
                adam.zero_grad();
                Losses().sum().backward();
                adam.step();
            }
        Keep();
        var afterAdam = Enumerable.Range(0, restarts).Select(f => Values(parameters, f)).ToArray();
        var polisher = new LevenbergMarquardt(choice, grid, targetReal, targetImaginary);
        foreach (var start in afterAdam)
        {
            var point = settings.LbfgsIterations > 0 ? Refine(choice, grid, start, targetReal, targetImaginary, ref best) : start;
            if (settings.PolishIterations > 0)
                Consider(polisher.Refine(point, settings.PolishIterations), ref best);
        }
        return new FamilyFit(Response(choice, grid, best!.Value.Parameters, scale), Math.Sqrt(best.Value.Loss), best.Value.Parameters);

        void Keep() => KeepBest(Losses, parameters, ref best);
    }

    /// <summary>
    /// L-BFGS from one restart's point, as a family of one filter; keeps the result when it is the best so far and returns
    /// where this restart now stands (its start again when L-BFGS made it worse).
    /// </summary>
    double[] Refine(FamilyChoice choice, FrequencyGrid grid, double[] start, Tensor targetReal, Tensor targetImaginary, ref (double Loss, double[] Parameters)? best)
    {
        using var family = choice.Create(1, grid);
        family.to(float64);
        var parameters = family.parameters().ToArray();
        Assign(parameters, [start]);
        Tensor Losses() => SquaredDistances(family, grid, targetReal, targetImaginary);
        // No early stop on small changes (tolerance 0): on a quadratic the first full step can leave the loss unchanged
        // to the last bit, which the default tolerance reads as convergence. max_iter bounds it.
        using (var lbfgs = optim.LBFGS(parameters, 1, settings.LbfgsIterations, settings.LbfgsIterations * 5 / 4, 1e-14, 0))
        using (NewDisposeScope())
            lbfgs.step(() =>
            {
                lbfgs.zero_grad();
                var loss = Losses().sum();
                loss.backward();
                return loss;
            });
        (double Loss, double[] Parameters)? reached = null;
        KeepBest(Losses, parameters, ref reached);
        if (reached is { } end) Consider(end, ref best);
        return reached?.Parameters ?? start;
    }

    static void Consider((double Loss, double[] Parameters) point, ref (double Loss, double[] Parameters)? best)
    {
        if (double.IsFinite(point.Loss) && (best is null || point.Loss < best.Value.Loss)) best = point;
    }

    /// <summary>Each filter's ‖W − T‖² over the grid: [F].</summary>
    static Tensor SquaredDistances(SpectralFilterFamily family, FrequencyGrid grid, Tensor targetReal, Tensor targetImaginary)
    {
        var (real, imaginary) = family.Build(grid);
        return (real - targetReal).square().sum([1, 2]) + (imaginary - targetImaginary).square().sum([1, 2]);
    }

    /// <summary>The best filter so far among <paramref name="parameters"/>' filters and <paramref name="best"/> (L-BFGS without a line search can overshoot).</summary>
    static void KeepBest(Func<Tensor> losses, Parameter[] parameters, ref (double Loss, double[] Parameters)? best)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var values = losses().data<double>().ToArray();
        for (int f = 0; f < values.Length; f++)
            if (double.IsFinite(values[f]) && (best is null || values[f] < best.Value.Loss)) best = (values[f], Values(parameters, f));
    }

    /// <summary>The family's filter for <paramref name="values"/>, scaled back from the unit-norm target.</summary>
    static HalfSpectrum Response(FamilyChoice choice, FrequencyGrid grid, double[] values, double scale)
    {
        using var family = choice.Create(1, grid);
        family.to(float64);
        Assign(family.parameters().ToArray(), [values]);
        using var _ = no_grad();
        var (real, imaginary) = family.Build(grid);
        float[] Plain(Tensor part) => part.mul(scale).to_type(float32).cpu().flatten().data<float>().ToArray();
        return new HalfSpectrum(grid.Height, grid.Width, Plain(real), Plain(imaginary));
    }

    /// <summary>Sets each filter's parameters from its flat values (its slice of every parameter tensor, in order).</summary>
    internal static void Assign(Parameter[] parameters, double[][] filters)
    {
        using var _ = no_grad();
        int offset = 0;
        foreach (var parameter in parameters)
        {
            int count = (int)parameter.numel() / filters.Length;
            using var source = tensor(filters.SelectMany(values => values.Skip(offset).Take(count)).ToArray(), float64).view(parameter.shape);
            parameter.copy_(source);
            offset += count;
        }
    }

    /// <summary>One filter's parameters, flat: its slice of every parameter tensor, in order.</summary>
    static double[] Values(Parameter[] parameters, int filter) =>
        [.. parameters.SelectMany(p => { using var slice = p.detach()[filter].cpu().flatten(); return slice.data<double>().ToArray(); })];
}
