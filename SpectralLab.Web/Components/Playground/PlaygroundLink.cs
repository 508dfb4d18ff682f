using System.Globalization;
using SpectralLab.Core.Spectral;

namespace SpectralLab.Web.Components.Playground;

/// <summary>
/// A whole filter in the playground's address, so another page can open the playground on it:
/// /playground?family=Mixture&amp;degree=2&amp;grid=Centred&amp;values=…&amp;from=…, the values comma-separated.
/// </summary>
public static class PlaygroundLink
{
    /// <summary>More values than the largest mixture has: a free filter's hundreds of weights do not travel in an address.</summary>
    public const int MaxValues = 64;

    public static string For(FilterSpec spec, string source) =>
        $"/playground?family={spec.Family}&degree={spec.Degree}&grid={spec.Convention}"
        + $"&values={string.Join(",", spec.Parameters.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}&from={Uri.EscapeDataString(source)}";

    /// <summary>The filter the query gives, or the sentence saying what is wrong with it.</summary>
    public static (FilterSpec? Spec, string? Problem) Parse(string? family, int? degree, string? grid, string values)
    {
        if (!Enum.TryParse<FilterFamilyKind>(family, ignoreCase: true, out var kind) || kind == FilterFamilyKind.Free)
            return (null, $"The address names family '{family}'; give Gaussian, Mixture or Polynomial.");
        if (!Enum.TryParse<GridConvention>(grid ?? nameof(GridConvention.Published), ignoreCase: true, out var convention))
            return (null, $"The address names grid '{grid}'; give Published or Centred.");
        var parts = values.Split(',');
        if (parts.Length > MaxValues) return (null, $"The address gives {parts.Length} values; a filter here has at most {MaxValues}.");
        var parsed = new float[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i]))
                return (null, $"Value {i + 1} of the address, '{parts[i]}', is not a number.");
        return (new FilterSpec(kind, degree ?? 1, convention, parsed), null);
    }
}
