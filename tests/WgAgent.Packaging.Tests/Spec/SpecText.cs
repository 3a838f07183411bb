using WgAgent.DebBuild.Spec;

namespace WgAgent.Packaging.Tests.Spec;

/// <summary>Small specs for the reader's tests, and reading them with a fixed set of variables.</summary>
internal static class SpecText
{
    /// <summary>A valid spec: every required key, one file, one conffile, one script. Line 2 is <c>arch: ${ARCH}</c>.</summary>
    public const string Minimal = """
        name: demo
        arch: ${ARCH}
        version: ${VERSION}
        maintainer: Demo Maintainers <demo@example.org>
        description: |
          demo synopsis
          Extended text.
        contents:
          - src: bin/${RID_ARCH}/demo
            dst: /usr/bin/demo
            expand: true
            file_info:
              mode: 0755
          - src: demo.conf
            dst: /etc/demo.conf
            type: config|noreplace
            file_info:
              mode: 0640
        scripts:
          postinstall: scripts/postinst
        """;

    public static readonly IReadOnlyDictionary<string, string> Variables =
        new Dictionary<string, string> { ["ARCH"] = "arm64", ["VERSION"] = "1.2.3", ["RID_ARCH"] = "arm64" };

    public static PackageSpec Read(string yaml) =>
        SpecReader.Read(yaml, "nfpm.yaml", name => Variables.GetValueOrDefault(name));

    /// <summary>The diagnostics as printed, one string each; empty when the spec is valid.</summary>
    public static IReadOnlyList<string> Errors(string yaml, IReadOnlyDictionary<string, string>? variables = null)
    {
        SpecReader.TryRead(yaml, "nfpm.yaml", name => (variables ?? Variables).GetValueOrDefault(name), out _, out var diagnostics);
        return [.. diagnostics.Select(d => d.ToString())];
    }
}
