using SpectralLab.Core.Flexibility;

namespace SpectralLab.Web.Components.Flexibility;

/// <summary>
/// The flexibility form's fields as typed, and the plan they make, or a sentence per bad field (keyed by the field)
/// and the plan's own sentence for what concerns the whole (targets, families) under "".
/// </summary>
public sealed class FlexibilityDraft
{
    public const string RunField = "run", RestartsField = "restarts";

    /// <summary>A first analysis that ends in seconds to minutes: one Gaussian and a mixture of two, the linear polynomial, and the free filter.</summary>
    public static IReadOnlyList<string> DefaultFamilies { get; } = ["gaussian", "mixture2", "poly1", "free"];

    public bool Classic { get; set; } = true;

    /// <summary>A stored run's number, or empty for none.</summary>
    public string Run { get; set; } = "";

    public string Restarts { get; set; } = new FitSettings().Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The chosen families' keys.</summary>
    public HashSet<string> Families { get; } = [.. DefaultFamilies];

    public (FlexibilityPlan? Plan, IReadOnlyDictionary<string, string> Errors) Read()
    {
        var errors = new Dictionary<string, string>();
        long? run = null;
        if (Run.Trim() is { Length: > 0 } typed)
        {
            if (long.TryParse(typed, out var number) && number > 0) run = number;
            else errors[RunField] = $"A run is a stored run's number, a whole number from 1, or empty for none (got '{typed}').";
        }
        var settings = new FitSettings();
        if (!int.TryParse(Restarts.Trim(), out var restarts))
            errors[RestartsField] = $"Restarts is a whole number from 1 to {FitSettings.MaxRestarts} (got '{Restarts}').";
        else if ((settings = new FitSettings(restarts)).Problem is { } problem)
            errors[RestartsField] = problem;
        if (errors.Count > 0) return (null, errors);
        var plan = new FlexibilityPlan(Classic, run, [.. FamilyChoice.All.Where(f => Families.Contains(f.Key))], settings);
        return plan.Problem is { } whole ? (null, new Dictionary<string, string> { [""] = whole }) : (plan, errors);
    }
}
