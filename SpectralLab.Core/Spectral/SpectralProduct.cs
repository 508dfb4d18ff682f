namespace SpectralLab.Core.Spectral;

/// <summary>How a spectral layer multiplies an input spectrum X by a filter W.</summary>
public enum SpectralProduct
{
    /// <summary>The true complex product: Re = Re(X)Re(W) − Im(X)Im(W), Im = Re(X)Im(W) + Im(X)Re(W).</summary>
    Complex,

    /// <summary>
    /// As in the published code: the real part as above, but the imaginary part Re(X)Re(W) + Im(X)Im(W). Kept so the
    /// published numbers can be reproduced.
    /// </summary>
    AsPublished,
}
