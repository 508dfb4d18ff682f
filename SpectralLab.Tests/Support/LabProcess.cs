using System.Net;
using System.Net.Sockets;

namespace SpectralLab.Tests.Support;

/// <summary>
/// The real lab as a separate process, served by Kestrel on a free 127.0.0.1 port, for browser and crash tests.
/// Started from the web project's own build output; killed with its children on dispose.
/// </summary>
public sealed class LabProcess : IAsyncDisposable
{
    readonly VerbProcess process;
    TempDirectory? ownedState;

    LabProcess(VerbProcess process, Uri address) => (this.process, Address) = (process, address);

    public Uri Address { get; }

    public string Log => process.Output;

    /// <summary>Starts the lab; its run database and checkpoints go to <paramref name="stateDirectory"/>, or a temporary folder.</summary>
    public static async Task<LabProcess> StartAsync(IDictionary<string, string>? settings = null, string? stateDirectory = null)
    {
        int port = FreePort();
        var owned = stateDirectory is null ? new TempDirectory() : null;
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["SpectralLab__StateDirectory"] = stateDirectory ?? owned!.Path,
        };
        var lab = new LabProcess(VerbProcess.Start(environment, "--urls", $"http://127.0.0.1:{port}"), new Uri($"http://127.0.0.1:{port}/")) { ownedState = owned };
        await lab.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        return lab;
    }

    /// <summary>Starts the lab expecting it to refuse to start: returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IDictionary<string, string> settings, string stateDirectory)
    {
        var environment = new Dictionary<string, string>(settings) { ["SpectralLab__StateDirectory"] = stateDirectory };
        await using var lab = VerbProcess.Start(environment, "--urls", $"http://127.0.0.1:{FreePort()}");
        int code;
        try { code = await lab.WaitForExitAsync(TimeSpan.FromSeconds(60)); }
        catch (TimeoutException) { throw new TimeoutException("The lab kept running."); }
        return (code, lab.Output);
    }

    async Task WaitUntilServingAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string lastAnswer = "none yet";
        await Eventually.WaitUntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"The lab exited:\n{Log}");
            try
            {
                using var response = await http.GetAsync(Address);
                lastAnswer = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                return (int)response.StatusCode < 500; // a 401 of a lab that asks for its token is an answer too
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lastAnswer = e.Message;
                return false;
            }
        }, limit, () => $"its last answer: {lastAnswer}; its output:\n{Log}", $"the lab to answer at {Address}", poll: TimeSpan.FromMilliseconds(250));
    }

    /// <summary>The web project's build output of the same configuration as these tests.</summary>
    internal static string WebAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = testOutput.Name, configuration = testOutput.Parent!.Name;
        return Path.Combine(Repository.Root, "SpectralLab.Web", "bin", configuration, framework, "SpectralLab.Web.dll");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Kill() => process.Kill();

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        ownedState?.Dispose();
    }
}
