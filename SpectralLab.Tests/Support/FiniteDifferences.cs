using static TorchSharp.torch;

namespace SpectralLab.Tests.Support;

/// <summary>Central finite differences in float64, the independent reference for autograd's gradients.</summary>
public static class FiniteDifferences
{
    /// <summary>
    /// Asserts that every element of every parameter of <paramref name="module"/> (already float64) has the gradient of
    /// <paramref name="loss"/> that central differences give, and that it is not zero unless
    /// <paramref name="mayBeZero"/> says so for that (parameter name, element index).
    /// </summary>
    public static void AssertGradientsMatch(nn.Module module, Func<Tensor> loss, Func<string, int, bool>? mayBeZero = null)
    {
        const double eps = 1e-6;
        double Loss() { using var _ = no_grad(); return loss().item<double>(); }
        module.zero_grad();
        loss().backward();

        foreach (var (name, parameter) in module.named_parameters())
        {
            var analytic = parameter.grad!.data<double>().ToArray();
            var values = parameter.detach().view(-1).data<double>(); // shares the parameter's storage
            for (int i = 0; i < analytic.Length; i++)
            {
                double original = values[i];
                values[i] = original + eps;
                double up = Loss();
                values[i] = original - eps;
                double down = Loss();
                values[i] = original;
                double numeric = (up - down) / (2 * eps);
                Assert.True(Math.Abs(analytic[i] - numeric) <= 1e-5 + 1e-4 * Math.Abs(numeric),
                    $"{name}[{i}]: autograd {analytic[i]}, finite difference {numeric}");
                if (mayBeZero?.Invoke(name, i) != true)
                    Assert.True(analytic[i] != 0, $"{name}[{i}]: the gradient does not reach this parameter");
            }
        }
    }
}
