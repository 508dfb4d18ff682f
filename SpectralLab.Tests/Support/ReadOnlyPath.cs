using System.Diagnostics;

namespace SpectralLab.Tests.Support;

/// <summary>
/// Makes a file or a folder truly read-only until disposed. Permission bits do not stop root, so as root this sets the
/// immutable attribute (chattr +i: ext4 and the like, with CAP_LINUX_IMMUTABLE); otherwise it clears the write bits.
/// Either way it checks that a write now fails, and says so when this machine cannot make it so.
/// </summary>
public sealed class ReadOnlyPath : IDisposable
{
    readonly string path;
    readonly bool immutable = Environment.UserName == "root";

    public ReadOnlyPath(string path)
    {
        this.path = path;
        Run(immutable ? "chattr" : "chmod", immutable ? "+i" : "a-w");
        if (!CanWrite()) return;
        Dispose();
        throw new InvalidOperationException($"Cannot make {path} read-only on this machine (as root that needs chattr +i on a file system that supports it).");
    }

    bool CanWrite()
    {
        try
        {
            if (Directory.Exists(path)) File.Create(Path.Combine(path, "write-test"), 1, FileOptions.DeleteOnClose).Dispose();
            else new FileStream(path, FileMode.Open, FileAccess.Write).Dispose();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    void Run(string command, string change)
    {
        using var process = Process.Start(new ProcessStartInfo(command, [change, path]) { RedirectStandardError = true })!;
        process.WaitForExit();
    }

    public void Dispose() => Run(immutable ? "chattr" : "chmod", immutable ? "-i" : "u+w");
}
