using System.Reflection;

namespace WgAgent.Core;

/// <summary>The product version, as stamped into the assemblies from the repository's VERSION file.</summary>
public static class ProductVersion
{
    /// <summary>The version string every command prints for <c>--version</c>.</summary>
    public static string Current { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";
}
