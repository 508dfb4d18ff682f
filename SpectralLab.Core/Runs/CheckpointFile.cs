using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// A run's checkpoint as a file. Written to a temporary file and moved into place, so a crash mid-write leaves the
/// previous checkpoint intact.
/// </summary>
public sealed class CheckpointFile(string path) : ICheckpointStorage
{
    public string Path { get; } = path;

    public void Write(Action<Stream> write)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        string temporary = Path + ".writing";
        using (var file = File.Create(temporary))
        {
            write(file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }

    public Stream OpenRead() =>
        File.Exists(Path) ? File.OpenRead(Path) : throw new InvalidDataException("its checkpoint file is missing");

    public void Delete() => File.Delete(Path);
}
