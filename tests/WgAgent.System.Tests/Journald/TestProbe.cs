using System.Reflection;
using System.Runtime.InteropServices;
using WgAgent.Lab.Nspawn;

namespace WgAgent.System.Tests.Journald;

/// <summary>
/// A small framework-dependent program built beside a unit-test project (its Probe/ folder) and run inside the
/// booted host: the probe's few files are copied in, the host's .NET folder is bind-mounted read-only at
/// <see cref="DotnetInside"/> (the container has no .NET).
/// </summary>
/// <param name="Name">The probe's assembly name, also its folder under /opt inside the container.</param>
/// <param name="TestsProject">The tests/ project whose Probe/ folder builds it.</param>
public sealed record TestProbe(string Name, string TestsProject)
{
    /// <summary>The host's .NET folder inside the container.</summary>
    public const string DotnetInside = "/opt/dotnet";

    /// <summary>The journald sink's probe: logs a fixed set of events through WriteTo.Journald.</summary>
    public static readonly TestProbe Journald = new("journald-probe", "WgAgent.Serilog.Sinks.Journald.Tests");

    /// <summary>The systemd integration's probe: a generic host with AddSystemd, for a Type=notify unit.</summary>
    public static readonly TestProbe Systemd = new("systemd-probe", "WgAgent.Hosting.Systemd.Tests");

    /// <summary>The .NET root the tests run on (holding the dotnet muxer and shared/Microsoft.NETCore.App).</summary>
    public static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>The probe's build output for this test build's configuration.</summary>
    public string Directory
    {
        get
        {
            var configuration = typeof(TestProbe).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            return Path.Combine(RepoRoot.Find(), "tests", TestsProject, "Probe", "bin", configuration, "net10.0");
        }
    }

    /// <summary>The probe's folder inside the container.</summary>
    public string Inside => $"/opt/{Name}";

    /// <summary>The command line that runs the probe inside the container.</summary>
    public string[] Command(params string[] arguments) => [$"{DotnetInside}/dotnet", $"{Inside}/{Name}.dll", .. arguments];

    /// <summary>Fails with what to build when the probe or the muxer is missing.</summary>
    /// <exception cref="InvalidOperationException">Something is missing.</exception>
    public void EnsurePresent()
    {
        if (!File.Exists(Path.Combine(Directory, $"{Name}.dll")))
        {
            throw new InvalidOperationException(
                $"{Directory}/{Name}.dll is missing: build tests/{TestsProject} (it builds Probe/) in this configuration");
        }

        if (!File.Exists(Path.Combine(DotnetRoot, "dotnet")))
        {
            throw new InvalidOperationException($"no dotnet muxer in {DotnetRoot} to bind into the booted host");
        }
    }

    /// <summary>Copies the probe's build output (top level only) into the container.</summary>
    public async Task CopyInAsync(BootedHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (var file in global::System.IO.Directory.GetFiles(Directory))
        {
            await host.CopyInAsync(file, $"{Inside}/{Path.GetFileName(file)}");
        }
    }
}
