namespace SpectralLab.Core.Spectral;

/// <summary>How a spectral layer multiplies an input spectrum X by a filter W.</summary>
public enum SpectralProduct
{
    /// <summary>The true complex product: Re = Re(X)Re(W) − Im(X)Im(W), Im = Re(X)Im(W) + Im(X)Re(W).</summary>
    Complex,

    /// <summary>
    /// The author's library before its commit 8d85230 (2021-06-25): the real part as above, but the imaginary part
    /// Re(X)Re(W) + Im(X)Im(W). The published numbers came after the fix; this is kept only as an ablation of the bug.
    /// </summary>
    PreFixBug,
}
