using SpectralLab.Core.Models;

namespace SpectralLab.Core.Lab;

/// <summary>A model as the screens offer it: its name, the name people see, and what it is.</summary>
public sealed record ModelChoice(string Name, string DisplayName, string Description);

/// <summary>The models the lab can train, for screens that must not build one to list it.</summary>
public static class LabModels
{
    public static IReadOnlyList<ModelChoice> All { get; } =
        ModelCatalog.All.Select(m => new ModelChoice(m.Name, m.DisplayName, m.Description)).ToList();
}
