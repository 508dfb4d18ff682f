using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SpectralLab.Tests.Support;

/// <summary>
/// One private PostgreSQL cluster for the whole test run, on a loopback port: the one `.ci/run` started (its connection
/// string in SPECTRALLAB_TEST_POSTGRES), or else one started here with tools/postgres/cluster.sh and stopped when the test
/// process exits. Each test asks for a database of its own, so no test sees another's runs.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "SPECTRALLAB_TEST_POSTGRES";

    static readonly Lazy<string> Administrator = new(Start);

    /// <summary>A new, empty database on the cluster, as a connection string with the cluster's credentials.</summary>
    public static string NewDatabase()
    {
        string name = "test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(Administrator.Value))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Administrator.Value) { Database = name }.ToString();
    }

    static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return given;
        var folder = new TempDirectory();
        string script = Path.Combine(Repository.Root, "tools", "postgres", "cluster.sh");
        string connection = Run(script, "start", folder.Path, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)).Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Run(script, "stop", folder.Path); } catch (InvalidOperationException) { } // the process ends either way
            folder.Dispose();
        };
        return connection;
    }

    static string Run(string script, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90))) process.Kill(entireProcessTree: true);
        if (!process.HasExited || process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed: {error.Result}{output.Result}");
        return output.Result;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
