using static TorchSharp.torch;

namespace SpectralLab.Tests.Support;

/// <summary>Moves values between tensors and plain arrays for comparisons.</summary>
public static class Tensors
{
    public static float[] Values(Tensor t) => t.detach().cpu().to_type(float32).contiguous().data<float>().ToArray();

    public static double[,] Matrix(Tensor t)
    {
        int h = (int)t.shape[0], w = (int)t.shape[1];
        var values = t.detach().cpu().to_type(float64).contiguous().data<double>().ToArray();
        var matrix = new double[h, w];
        for (int i = 0; i < h; i++)
        for (int j = 0; j < w; j++)
            matrix[i, j] = values[i * w + j];
        return matrix;
    }

    /// <summary>Sets a parameter (found by its dotted name) to the given values.</summary>
    public static void Set(nn.Module module, string name, float[] values)
    {
        var parameter = module.named_parameters().Single(p => p.name == name).parameter;
        using var _ = no_grad();
        parameter.copy_(tensor(values).view(parameter.shape));
    }
}
