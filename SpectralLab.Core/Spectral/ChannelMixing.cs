namespace SpectralLab.Core.Spectral;

/// <summary>How a spectral layer combines its input channels.</summary>
public enum ChannelMixing
{
    /// <summary>As published: the input channels' spectra are summed, and each filter multiplies that sum.</summary>
    Sum,

    /// <summary>
    /// Like a spatial convolution: output channel f is Σ_c X_c·W_{f,c}, so the family holds out × in filters, filter
    /// f·C + c taking input channel c to output channel f.
    /// </summary>
    Full,
}
