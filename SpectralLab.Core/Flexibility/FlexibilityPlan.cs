namespace SpectralLab.Core.Flexibility;

/// <summary>What an analysis fits: the classic targets and/or one stored run's first-layer filters, against some families.</summary>
public sealed record FlexibilityPlan(bool Classic, long? Run, IReadOnlyList<FamilyChoice> Families, FitSettings Settings)
{
    /// <summary>The stored analysis's name: its targets, restarts, L-BFGS iterations when any, and its families when not all of them.</summary>
    public string Key => string.Join("+", new[] { Classic ? "classic" : null, Run is { } run ? $"run-{run}" : null }.OfType<string>())
        + $"-r{Settings.Restarts}" + (Settings.LbfgsIterations > 0 ? $"-lbfgs{Settings.LbfgsIterations}" : "")
        + (Families.Count == FamilyChoice.All.Count ? "" : "-" + string.Join("_", Families.Select(f => f.Key)));

    /// <summary>One sentence saying what is wrong and how to fix it, or null when the plan can run.</summary>
    public string? Problem =>
        !Classic && Run is null ? "Choose the classic targets, a stored run, or both."
        : Run is <= 0 ? $"A run's number is a positive whole number (got {Run})."
        : Families.Count == 0 ? $"Choose at least one family: {string.Join(", ", FamilyChoice.All.Select(f => f.Key))}."
        : Settings.Problem;

    /// <summary>Reads a comma-separated list of family keys (empty or null: all); the unknown keys come back for the error.</summary>
    public static (IReadOnlyList<FamilyChoice> Families, IReadOnlyList<string> Unknown) ParseFamilies(string? keys)
    {
        if (string.IsNullOrWhiteSpace(keys)) return (FamilyChoice.All, []);
        var names = keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ([.. FamilyChoice.All.Where(c => names.Contains(c.Key, StringComparer.OrdinalIgnoreCase))],
                [.. names.Where(n => FamilyChoice.Find(n) is null)]);
    }
}
