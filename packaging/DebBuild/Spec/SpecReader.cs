using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WgAgent.DebBuild.Spec;

/// <summary>
/// Reads nfpm.yaml into a <see cref="PackageSpec"/>. Pure: the text and the variables come in, the spec or the
/// problems go out. It knows a subset of nfpm's keys (https://nfpm.goreleaser.com/configuration) and rejects every
/// other key with its position, so that nothing written in the spec is silently left out of the package; and it
/// expands <c>${VAR}</c> in exactly the fields nfpm expands, so that nfpm would build the same package from the file.
/// </summary>
public sealed partial class SpecReader
{
    // nfpm's relationship keys and the control fields they become, in the order nfpm's control template writes them.
    private static readonly (string Key, string Field)[] RelationKeys =
    [
        ("replaces", "Replaces"), ("provides", "Provides"), ("depends", "Depends"),
        ("recommends", "Recommends"), ("suggests", "Suggests"), ("conflicts", "Conflicts"),
    ];

    // The scalar keys nfpm passes through os.Expand (nfpm.go, expandEnv); section, priority, license and
    // version_schema are taken literally there, so a '$' in them is reported instead of half-supported.
    private static readonly HashSet<string> ExpandedScalars =
        ["name", "arch", "platform", "version", "maintainer", "vendor", "homepage", "description"];

    private static readonly string[] TopLevelKeys =
    [
        "name", "arch", "platform", "version", "version_schema", "section", "priority", "maintainer", "description",
        "vendor", "homepage", "license", .. RelationKeys.Select(r => r.Key), "contents", "scripts", "deb",
    ];

    private readonly string _file;
    private readonly VariableExpander _variables;
    private readonly List<SpecDiagnostic> _diagnostics = [];

    private SpecReader(string file, VariableExpander variables)
    {
        _file = file;
        _variables = variables;
    }

    /// <summary>Reads the spec or throws <see cref="SpecException"/> with every problem found.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">The name errors start with, e.g. <c>nfpm.yaml</c>.</param>
    /// <param name="variables">Variable lookup; null means unset.</param>
    public static PackageSpec Read(string yaml, string fileName, Func<string, string?> variables) =>
        TryRead(yaml, fileName, variables, out var spec, out var diagnostics) ? spec : throw new SpecException(diagnostics);

    /// <summary>Reads the spec; on failure <paramref name="diagnostics"/> holds every problem, in file order.</summary>
    public static bool TryRead(
        string yaml, string fileName, Func<string, string?> variables,
        [NotNullWhen(true)] out PackageSpec? spec, out IReadOnlyList<SpecDiagnostic> diagnostics)
    {
        var reader = new SpecReader(fileName, new VariableExpander(variables));
        var read = reader.ReadDocument(yaml);
        diagnostics = [.. reader._diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)];
        spec = diagnostics.Count == 0 ? read : null;
        return spec is not null;
    }

    private PackageSpec? ReadDocument(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet wraps the real cause (e.g. a duplicate key) in a generic outer message.
            var inner = e.InnerException?.Message;
            Error(new SpecPosition(_file, (int)e.Start.Line, (int)e.Start.Column), inner is null ? e.Message : $"{e.Message}: {inner}");
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(new SpecPosition(_file, 1, 1), "expected one YAML document whose top level is a mapping of nfpm keys");
            return null;
        }

        var values = new Dictionary<string, YamlNode>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? "";
            if (!TopLevelKeys.Contains(key))
            {
                Error(keyNode, $"unknown key \"{key}\" (this builder reads: {string.Join(", ", TopLevelKeys)})");
                continue;
            }
            values[key] = valueNode;
        }
        return Build(root, values);
    }

    private PackageSpec? Build(YamlMappingNode root, Dictionary<string, YamlNode> values)
    {
        string? Get(string key, bool required = false)
        {
            if (values.TryGetValue(key, out var node))
            {
                return Scalar(node, key, ExpandedScalars.Contains(key));
            }
            if (required)
            {
                Error(root, $"{key}: required");
            }
            return null;
        }

        var name = Get("name", required: true);
        var arch = Get("arch", required: true);
        var platform = Get("platform");
        var version = Get("version", required: true);
        var versionSchema = Get("version_schema");
        var section = Get("section");
        var priority = Get("priority") ?? "optional";
        var maintainer = Get("maintainer", required: true);
        var description = Get("description", required: true);
        var homepage = Get("homepage");
        _ = Get("vendor");   // read and checked like nfpm, but nfpm's deb packager writes neither vendor
        _ = Get("license");  // nor license into the control file: the copyright file carries the license.

        var relations = new List<PackageRelation>();
        foreach (var (key, field) in RelationKeys)
        {
            if (values.TryGetValue(key, out var node) && StringList(node, key) is { Count: > 0 } packages)
            {
                relations.Add(new PackageRelation(field, packages));
            }
        }
        var contents = values.TryGetValue("contents", out var contentsNode) ? Contents(contentsNode) : [];
        var scripts = values.TryGetValue("scripts", out var scriptsNode) ? Scripts(scriptsNode) : [];
        var compression = values.TryGetValue("deb", out var debNode) ? DebCompression(debNode) : null;

        CheckPlatform(values, platform);
        var debianArch = arch is null ? null : DebianArchitecture(values["arch"], arch);
        var debianVersion = version is null ? null : DebianVersion(values["version"], version, versionSchema, values);
        CheckName(values, name);
        CheckPriority(values, priority);
        CheckMaintainer(values, maintainer);
        CheckHomepage(values, homepage);
        var text = description is null ? null : Description(values["description"], description);

        if (_diagnostics.Count > 0)
        {
            return null;
        }
        return new PackageSpec
        {
            Name = name!,
            Architecture = debianArch!,
            Version = debianVersion!,
            Section = section,
            Priority = priority,
            Maintainer = maintainer!,
            Description = text!,
            Homepage = homepage,
            Relations = relations,
            Contents = contents,
            Scripts = scripts,
            Compression = compression ?? "gzip",
        };
    }

    private void Error(YamlNode node, string message) => Error(At(node), message);

    private void Error(SpecPosition position, string message) => _diagnostics.Add(new SpecDiagnostic(position, message));

    private SpecPosition At(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);
}
