namespace SpectralLab.Core.Data;

/// <summary>The contents of an IDX file of unsigned bytes: its dimensions and its values in row-major order.</summary>
public sealed record IdxArray(int[] Dimensions, byte[] Values)
{
    /// <summary>The number of items along the first dimension (images or labels).</summary>
    public int Count => Dimensions[0];
}
