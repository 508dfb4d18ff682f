using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Cli;

namespace SpectralLab.Tests.Web.Cli;

/// <summary>
/// A run's weights exported by the `export` verb (state dict) and the API (safetensors), read back by Debian's PyTorch and
/// compared with the filter parameters the run's snapshot recorded: an independent path from the model to the numbers.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class PyTorchExportTests : IDisposable
{
    const string Python = "/usr/bin/python3"; // Debian's, where apt puts python3-torch (not a virtual environment's)

    /// <summary>Prints every tensor of both files: its shape and its values as Python floats (exact for float32).</summary>
    const string Reader = """
        import json, struct, sys, torch
        def tensors(named): return {k: {"shape": list(v.shape), "dtype": str(v.dtype), "values": v.detach().flatten().tolist()} for k, v in named.items()}
        state = torch.load(sys.argv[1])
        raw = open(sys.argv[2], "rb").read()
        size = struct.unpack("<Q", raw[:8])[0]
        header = json.loads(raw[8:8 + size])
        body = raw[8 + size:]
        safe = {}
        for name, entry in header.items():
            if name == "__metadata__": continue
            start, end = entry["data_offsets"]
            safe[name] = torch.frombuffer(bytearray(body[start:end]), dtype=torch.float32).reshape(entry["shape"])
        print(json.dumps({"pt": tensors(state), "safetensors": tensors(safe), "torch": torch.__version__}))
        """;

    readonly TempDirectory folder = new();
    readonly TempDirectory data = new();

    public PyTorchExportTests() => IdxFiles.WriteDataset(data.Path, train: 64, test: 16, height: 28, width: 28);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
        data.Dispose();
    }

    [Fact]
    public async Task Export_TrainedSpectralRun_PyTorchLoadsTheSnapshotsFilterParametersExactly()
    {
        await using var lab = new LabFactory();
        var (trained, _, trainError) = VerbsTests.Run("train", "--model", "spectral-gaussian", "--epochs", "2", "--batch", "32", "--data", data.Path, "--state", lab.StateDirectory);
        Assert.True(trained == ExitCodes.Success, trainError);
        var store = new SqliteRunStore(Path.Combine(lab.StateDirectory, LabOptions.DatabaseFile));
        var run = Assert.Single(store.List());
        var snapshot = store.SnapshotAt(run.Id, null)!; // the last epoch's end: the weights the latest checkpoint holds

        string pt = folder.File("run.pt"), safetensors = folder.File("run.safetensors");
        var (exported, _, exportError) = VerbsTests.Run("export", "--run", $"{run.Id}", "--format", "pt", "--out", pt, "--state", lab.StateDirectory);
        Assert.True(exported == ExitCodes.Success, exportError);
        using (var client = lab.CreateClient())
            File.WriteAllBytes(safetensors, await client.GetByteArrayAsync($"/api/runs/{run.Id}/export?format=safetensors"));
        var python = ReadWithPyTorch(pt, safetensors);

        foreach (var (layer, name) in new[] { (0, "block1"), (1, "block2") })
        {
            var parameters = snapshot.Layers[layer].Filters.Select(f => f.Parameters).ToList(); // per filter: re.x0 … re.s0, im.x0 … im.s0
            Assert.Equal(32, parameters.Count);
            Assert.Equal(parameters.SelectMany(p => p[..6]), Floats(python, "pt", $"{name}.filters.real", [32, 6]));
            Assert.Equal(parameters.SelectMany(p => p[6..]), Floats(python, "pt", $"{name}.filters.imaginary", [32, 6]));
        }
        var names = python.GetProperty("pt").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["block1.filters.real", "block1.filters.imaginary", "block2.filters.real", "block2.filters.imaginary",
            "decoder.up1.weight", "decoder.up1.bias", "decoder.up2.weight", "decoder.up2.bias", "decoder.output.weight", "decoder.output.bias"], names);
        Assert.Equal(run.Parameters, python.GetProperty("pt").EnumerateObject().Sum(p => p.Value.GetProperty("values").GetArrayLength()));
        foreach (var tensor in names)
        {
            var shape = python.GetProperty("pt").GetProperty(tensor).GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            Assert.Equal(Floats(python, "pt", tensor, shape), Floats(python, "safetensors", tensor, shape));
        }
    }

    static float[] Floats(JsonElement python, string file, string tensor, int[] shape)
    {
        var entry = python.GetProperty(file).GetProperty(tensor);
        Assert.Equal(shape, entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal("torch.float32", entry.GetProperty("dtype").GetString());
        return [.. entry.GetProperty("values").EnumerateArray().Select(v => (float)v.GetDouble())];
    }

    /// <summary>Runs the reader with Debian's PyTorch; fails (never skips) when it is missing, saying how to install it.</summary>
    JsonElement ReadWithPyTorch(string pt, string safetensors)
    {
        const string Install = "the PyTorch export test needs Debian's python3-torch: run `sudo apt-get install python3-torch` (the test build installs it when it runs as root)";
        if (!File.Exists(Python)) Assert.Fail($"{Python} is missing; {Install}.");
        string script = folder.File("read.py");
        File.WriteAllText(script, Reader);
        using var process = Process.Start(new ProcessStartInfo(Python, [script, pt, safetensors]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (error.Contains("No module named 'torch'")) Assert.Fail($"PyTorch is missing; {Install}.");
        Assert.True(process.ExitCode == 0, $"PyTorch could not read the exports: {error}");
        return JsonDocument.Parse(output.Result).RootElement;
    }
}
