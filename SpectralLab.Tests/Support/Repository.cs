namespace SpectralLab.Tests.Support;

/// <summary>The repository these tests were built from, found upwards from the test output.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "SpectralLab.sln"))) return folder.FullName;
        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
