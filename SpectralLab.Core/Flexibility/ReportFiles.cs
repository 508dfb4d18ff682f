using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpectralLab.Core.Flexibility;

/// <summary>
/// Analyses as JSON files, one per analysis, under the state directory's flexibility folder: written to a temporary
/// file and moved into place, so a crash mid-write leaves the previous file whole.
/// </summary>
public sealed partial class ReportFiles(string stateDirectory)
{
    public const string Folder = "flexibility";
    static readonly JsonSerializerOptions Json = new() { IncludeFields = false };

    public string Directory { get; } = Path.Combine(stateDirectory, Folder);

    public string PathOf(string key) => Path.Combine(Directory, SafeName().Replace(key, "_") + ".json");

    public void Save(FlexibilityReport report)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string path = PathOf(report.Key), writing = path + ".writing";
        File.WriteAllBytes(writing, JsonSerializer.SerializeToUtf8Bytes(report, Json));
        File.Move(writing, path, overwrite: true);
    }

    /// <summary>The stored analysis, or null when there is none or it cannot be read (an unreadable file is not fatal: the analysis can run again).</summary>
    public FlexibilityReport? Load(string key)
    {
        try { return File.Exists(PathOf(key)) ? JsonSerializer.Deserialize<FlexibilityReport>(File.ReadAllBytes(PathOf(key)), Json) : null; }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException) { return null; }
    }

    /// <summary>The keys of every stored analysis, newest first.</summary>
    public IReadOnlyList<string> Keys() => System.IO.Directory.Exists(Directory)
        ? [.. new DirectoryInfo(Directory).EnumerateFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc).Select(f => Path.GetFileNameWithoutExtension(f.Name))]
        : [];

    [GeneratedRegex("[^A-Za-z0-9+_.-]")]
    private static partial Regex SafeName();
}
