using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace WgAgent.DebBuild.Spec;

/// <summary>Scalars, lists and the checks of the control fields' syntax (deb-control(5)).</summary>
public sealed partial class SpecReader
{
    private static readonly string[] Priorities = ["required", "important", "standard", "optional", "extra"];
    private static readonly string[] Compressions = ["gzip", "xz", "zstd", "none"];

    /// <summary>A string value; expanded where nfpm expands, else a '$' is reported (nfpm would keep it literally).</summary>
    private string? Scalar(YamlNode node, string path, bool expand)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            Error(node, $"{path}: expected a single value");
            return null;
        }
        if (!expand)
        {
            if (VariableExpander.MentionsVariable(value))
            {
                Error(node, $"{path}: nfpm does not expand variables here, so \"{value}\" would be taken literally");
                return null;
            }
            return value;
        }
        if (!_variables.TryExpand(value, out var expanded, out var error))
        {
            Error(node, $"{path}: {error}");
            return null;
        }
        return expanded;
    }

    private List<string> StringList(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{path}: expected a list");
            return [];
        }
        var items = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (Scalar(sequence.Children[i], $"{path}[{i}]", expand: true) is { } item)
            {
                if (item.Length == 0 || item.Contains(','))
                {
                    // A comma would silently turn one entry into two in the control file.
                    Error(sequence.Children[i], $"{path}[{i}]: \"{item}\" must be one package relation, without ','");
                    continue;
                }
                items.Add(item);
            }
        }
        return items;
    }

    private bool? Bool(YamlNode node, string path)
    {
        var text = Scalar(node, path, expand: false);
        if (text is null)
        {
            return null;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        Error(node, $"{path}: expected true or false, not \"{text}\"");
        return null;
    }

    /// <summary>
    /// A mode in octal with its leading 0 (<c>0755</c>), as nfpm's documentation asks: YAML reads 755 as the decimal
    /// number 755 (= 01363), so a mode without the 0 is an error here rather than a wrong permission in the package.
    /// </summary>
    private UnixFileMode? Mode(YamlNode node, string path)
    {
        var text = Scalar(node, path, expand: false);
        if (text is null)
        {
            return null;
        }
        var digits = text.StartsWith("0o", StringComparison.Ordinal) ? text[2..] : text.StartsWith('0') ? text[1..] : null;
        if (digits is null || digits.Length is < 3 or > 4 || !digits.All(c => c is >= '0' and <= '7'))
        {
            Error(node, $"{path}: \"{text}\" is not an octal mode with a leading 0, e.g. 0644");
            return null;
        }
        return (UnixFileMode)Convert.ToInt32(digits, 8);
    }

    private void CheckPlatform(Dictionary<string, YamlNode> values, string? platform)
    {
        if (platform is not null && platform != "linux")
        {
            Error(values["platform"], $"platform: \"{platform}\": a .deb is for linux");
        }
    }

    /// <summary>nfpm's arch is Go's GOARCH; the ones this package ships are spelled the same in Debian.</summary>
    private string? DebianArchitecture(YamlNode node, string arch)
    {
        if (arch is "amd64" or "arm64" or "all")
        {
            return arch;
        }
        Error(node, $"arch: \"{arch}\" is not one this builder maps to a Debian architecture (amd64, arm64, all)");
        return null;
    }

    /// <summary>
    /// nfpm's default version_schema (semver) reshapes versions such as 1.2.3-rc1; only the plain X.Y.Z form reads
    /// the same either way, so anything else needs <c>version_schema: none</c> for both tools to agree.
    /// </summary>
    private string? DebianVersion(YamlNode node, string version, string? schema, Dictionary<string, YamlNode> values)
    {
        if (schema is not null and not "none" and not "semver")
        {
            Error(values["version_schema"], $"version_schema: \"{schema}\" is not semver or none");
            return null;
        }
        if (schema != "none" && !Regex.IsMatch(version, @"^[0-9]+\.[0-9]+\.[0-9]+$"))
        {
            Error(node, $"version: \"{version}\" is not plain X.Y.Z, which nfpm's semver schema would rewrite; set version_schema: none");
            return null;
        }
        // deb-version(7): upstream part starts with a digit; letters, digits and . + ~ - only. No epoch (nfpm has a
        // separate epoch key, not supported here).
        if (!Regex.IsMatch(version, @"^[0-9][A-Za-z0-9.+~-]*$") || version.EndsWith('-'))
        {
            Error(node, $"version: \"{version}\" is not a Debian version (deb-version(7)): a digit, then letters, digits, '.', '+', '~', '-'");
            return null;
        }
        return version;
    }

    private void CheckName(Dictionary<string, YamlNode> values, string? name)
    {
        // deb-control(5), Package: at least two characters, lower case letters, digits, + - . ; starting alphanumeric.
        if (name is not null && !Regex.IsMatch(name, @"^[a-z0-9][a-z0-9+.-]+$"))
        {
            Error(values["name"], $"name: \"{name}\" is not a Debian package name (lower case letters, digits, '+', '-', '.')");
        }
    }

    private void CheckPriority(Dictionary<string, YamlNode> values, string priority)
    {
        if (values.TryGetValue("priority", out var node) && !Priorities.Contains(priority))
        {
            Error(node, $"priority: \"{priority}\" is not one of {string.Join(", ", Priorities)}");
        }
    }

    private void CheckMaintainer(Dictionary<string, YamlNode> values, string? maintainer)
    {
        if (maintainer is not null && !Regex.IsMatch(maintainer, @"^[^<>,\n]+ <[^<>\s@]+@[^<>\s]+>$"))
        {
            Error(values["maintainer"], $"maintainer: \"{maintainer}\" is not \"Full Name <address>\"");
        }
    }

    private void CheckHomepage(Dictionary<string, YamlNode> values, string? homepage)
    {
        if (homepage is not null && !Regex.IsMatch(homepage, @"^https?://\S+$"))
        {
            Error(values["homepage"], $"homepage: \"{homepage}\" is not an http(s) URL");
        }
    }

    /// <summary>The description without the block scalar's final newline; the first line must be the synopsis.</summary>
    private string? Description(YamlNode node, string description)
    {
        var text = description.TrimEnd('\n');
        var synopsis = text.Split('\n')[0];
        if (synopsis.Trim().Length == 0 || char.IsWhiteSpace(synopsis[0]))
        {
            Error(node, "description: the first line is the synopsis and must not be empty or indented");
            return null;
        }
        if (text.Contains('\t') || text.Contains('\r'))
        {
            Error(node, "description: tabs and carriage returns do not survive the control file's line format");
            return null;
        }
        return text;
    }

    private string? DebCompression(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, "deb: expected a mapping");
            return null;
        }
        string? compression = null;
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name != "compression")
            {
                Error(key, $"deb: unknown key \"{name}\" (this builder reads: compression)");
                continue;
            }
            compression = Scalar(value, "deb.compression", expand: false);
            if (compression is not null && !Compressions.Contains(compression))
            {
                Error(value, $"deb.compression: \"{compression}\" is not one of {string.Join(", ", Compressions)}");
                compression = null;
            }
        }
        return compression;
    }
}
