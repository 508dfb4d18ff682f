using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
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
        await using var factory = new WebApplicationFactory<Program>();
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
    public void Start_BadTorchThreadsSetting_FailsNamingTheKey()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(host => host.UseSetting("SpectralLab:TorchThreads", "0"));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("SpectralLab:TorchThreads must be at least 1", error.Message);
    }
}
