namespace SpectralLab.Core.Spectral;

/// <summary>Where a filter family places the rows of an rfft2 grid on its u axis (see <see cref="FrequencyGrid"/>).</summary>
public enum GridConvention
{
    /// <summary>As published: row i at u = i/H − 0.5, so the zero-frequency row sits at u = −0.5.</summary>
    Published,

    /// <summary>
    /// Row i at its signed frequency over H, u = k/H with k = i for i &lt; (H+1)/2 and k = i − H otherwise (numpy's and
    /// torch's fftfreq), so zero frequency sits at u = 0. In the centred display (row r = k + H/2, integer division)
    /// that is u = (r − H/2)/H: zero frequency in the middle row. For even H the Nyquist row has u = −0.5.
    /// </summary>
    Centred,
}
