using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Web;

[Collection(TorchCollection.Name)]
public sealed class LabHostTests
{
    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("attacker.example", HttpStatusCode.BadRequest)]
    public async Task Request_HostHeader_OnlyLocalNamesAreServed(string host, HttpStatusCode expected)
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public void Settings_Default_ListenOnLoopbackOnly()
    {
        string settings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");

        var urls = JsonDocument.Parse(File.ReadAllText(settings)).RootElement.GetProperty("Urls").GetString()!;

        Assert.All(urls.Split(';'), url => Assert.Equal(IPAddress.Loopback.ToString(), new Uri(url).Host));
    }

    [Fact]
    public async Task Start_BadTorchThreadsSetting_ExitsWithOneLineNamingTheKey()
    {
        using var state = new TempDirectory();

        var (code, output) = await LabProcess.RunUntilExitAsync(new Dictionary<string, string> { ["SpectralLab__TorchThreads"] = "0" }, state.Path);

        Assert.Equal(1, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:"));
        Assert.Contains("SpectralLab:TorchThreads must be at least 1", line);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    [Fact]
    public async Task Start_UnopenableDatabase_ExitsWithOneLineNamingTheFile()
    {
        using var state = new TempDirectory();
        File.WriteAllText(state.File("spectrallab.db"), "this is not a database, it is a text file that is long enough to have a header");

        var (code, output) = await LabProcess.RunUntilExitAsync(new Dictionary<string, string>(), state.Path);

        Assert.Equal(1, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:"));
        Assert.Contains(state.File("spectrallab.db"), line);
    }
}
