using System.Text.RegularExpressions;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests;

/// <summary>The layering the design promises, read from the source: it fails when a file reaches where it should not.</summary>
public sealed partial class ArchitectureTests
{
    [GeneratedRegex(@"\bSpectralLab\.Core\.(\w+)")]
    private static partial Regex CoreReference();

    /// <summary>Each Core folder and the Core folders its files name (in usings or fully qualified).</summary>
    static Dictionary<string, HashSet<string>> CoreDependencies()
    {
        var core = Path.Combine(Repository.Root, "SpectralLab.Core");
        return Directory.GetDirectories(core).Where(d => Path.GetFileName(d) is not ("bin" or "obj")).ToDictionary(
            folder => Path.GetFileName(folder),
            folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => CoreReference().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                .Where(used => used != Path.GetFileName(folder) && Directory.Exists(Path.Combine(core, used)))
                .ToHashSet());
    }

    [Fact]
    public void CoreFolders_DependOnEachOther_WithoutACycle()
    {
        var dependencies = CoreDependencies();
        var done = new HashSet<string>();
        var path = new List<string>();

        void Visit(string folder)
        {
            if (path.Contains(folder)) Assert.Fail($"Core folders form a cycle: {string.Join(" → ", path.SkipWhile(f => f != folder))} → {folder}");
            if (!done.Add(folder)) return;
            path.Add(folder);
            foreach (var used in dependencies[folder]) Visit(used);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var folder in dependencies.Keys) Visit(folder);
        Assert.Contains("Lab", dependencies.Keys); // the walk saw the real tree
    }

    [Theory]
    [InlineData("Training", "Lab")]
    [InlineData("Training", "Runs")]
    [InlineData("Runs", "Lab")]
    [InlineData("Models", "Training")]
    [InlineData("Runtime", "Training")]
    [InlineData("Runtime", "Lab")]
    public void CoreFolder_NeverReachesUpwards(string folder, string above) =>
        Assert.DoesNotContain(above, CoreDependencies()[folder]);

    [Fact]
    public void WebProject_NamesNoConcreteRunStore_OneSettingChoosesIt()
    {
        var web = Path.Combine(Repository.Root, "SpectralLab.Web");
        var naming = SourceFiles(web).Where(file => Regex.IsMatch(File.ReadAllText(file), @"\b(Sqlite|Postgres|Sql)RunStore\b"))
            .Select(file => Path.GetRelativePath(web, file)).ToList();

        Assert.Empty(naming);
    }

    [Fact]
    public void Screens_UseTheApplicationLayer_NotTorchOrTheModels()
    {
        var web = Path.Combine(Repository.Root, "SpectralLab.Web");
        var screens = SourceFiles(Path.Combine(web, "Components")).Concat(SourceFiles(Path.Combine(web, "Api"))).ToList();

        var offending = screens.Where(file => Regex.IsMatch(File.ReadAllText(file), @"\b(TorchSharp|SpectralLab\.Core\.Models|ModelCatalog|Trainer|Snapshotter)\b"))
            .Select(file => Path.GetRelativePath(web, file)).ToList();

        Assert.True(screens.Count > 20, $"only {screens.Count} screen files found");
        Assert.Empty(offending);
    }

    static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}
