using SpectralLab.Core.Data;

namespace SpectralLab.Core.Flexibility;

/// <summary>The digit the analysis filters for PSNR: the first test image, scaled to [0, 1].</summary>
public static class TestDigit
{
    public static float[] From(Dataset data) =>
        [.. data.Test.Pixels.AsSpan(0, data.Test.PixelsPerImage).ToArray().Select(p => p / 255f)];
}
