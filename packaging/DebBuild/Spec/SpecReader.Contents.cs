using YamlDotNet.RepresentationModel;

namespace WgAgent.DebBuild.Spec;

/// <summary>The <c>contents:</c> and <c>scripts:</c> sections.</summary>
public sealed partial class SpecReader
{
    private static readonly string[] ContentKeys = ["src", "dst", "type", "expand", "file_info"];
    private static readonly string[] FileInfoKeys = ["mode", "owner", "group"];

    // nfpm's script keys and the names dpkg gives the files in the control archive (deb(5)).
    private static readonly (string Key, string DebianName)[] ScriptKeys =
        [("preinstall", "preinst"), ("postinstall", "postinst"), ("preremove", "prerm"), ("postremove", "postrm")];

    private const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101;   // 0755, nfpm's mode for a dir
    private const UnixFileMode SymlinkMode = (UnixFileMode)0b111_111_111;     // 0777: what a link always has

    private List<ContentEntry> Contents(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, "contents: expected a list");
            return [];
        }
        var entries = new List<ContentEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (Entry(sequence.Children[i], $"contents[{i}]") is not { } entry)
            {
                continue;
            }
            if (seen.TryGetValue(entry.Destination, out var first))
            {
                Error(sequence.Children[i], $"contents[{i}].dst: {entry.Destination} is already contents[{first}]");
                continue;
            }
            seen[entry.Destination] = i;
            entries.Add(entry);
        }
        return entries;
    }

    private ContentEntry? Entry(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{path}: expected a mapping with src, dst, ...");
            return null;
        }
        var fields = KnownKeys(mapping, path, ContentKeys);
        var expand = fields.TryGetValue("expand", out var expandNode) && Bool(expandNode, $"{path}.expand") == true;
        var type = fields.TryGetValue("type", out var typeNode) ? ContentTypeOf(typeNode, $"{path}.type") : ContentType.File;
        if (type is null)
        {
            return null;
        }

        // nfpm expands src and dst only when the entry says expand: true; without it "${X}" would be a file name.
        var destination = fields.TryGetValue("dst", out var dstNode) ? Scalar(dstNode, $"{path}.dst", expand) : null;
        string? source = null;
        if (fields.TryGetValue("src", out var srcNode))
        {
            source = Scalar(srcNode, $"{path}.src", expand);
            if (type == ContentType.Dir)
            {
                Error(srcNode, $"{path}.src: not supported on a dir (nfpm would copy the build tree's mode; give file_info.mode)");
                return null;
            }
        }
        else if (type != ContentType.Dir)
        {
            Error(mapping, $"{path}.src: required");
        }
        if (dstNode is null)
        {
            Error(mapping, $"{path}.dst: required");
        }
        if (source is null && type != ContentType.Dir || destination is null)
        {
            return null;
        }
        if (!CheckDestination(dstNode!, $"{path}.dst", destination) || source is not null && !CheckSource(srcNode!, $"{path}.src", source, type.Value))
        {
            return null;
        }
        if (type is ContentType.Config or ContentType.ConfigNoReplace && !destination.StartsWith("/etc/", StringComparison.Ordinal))
        {
            // Debian policy 10.7.2: conffiles live in /etc; lintian rejects any other.
            Error(dstNode!, $"{path}.dst: a config file must be under /etc, not {destination}");
            return null;
        }
        return FileInfo(fields, path, mapping, source, destination, type.Value);
    }

    private ContentEntry? FileInfo(
        Dictionary<string, YamlNode> fields, string path, YamlMappingNode entry, string? source, string destination, ContentType type)
    {
        Dictionary<string, YamlNode> info = [];
        if (fields.TryGetValue("file_info", out var infoNode))
        {
            if (infoNode is not YamlMappingNode infoMapping)
            {
                Error(infoNode, $"{path}.file_info: expected a mapping");
                return null;
            }
            info = KnownKeys(infoMapping, $"{path}.file_info", FileInfoKeys);
        }
        UnixFileMode? mode = type switch { ContentType.Dir => DirectoryMode, ContentType.Symlink => SymlinkMode, _ => null };
        if (info.TryGetValue("mode", out var modeNode))
        {
            if (type == ContentType.Symlink)
            {
                Error(modeNode, $"{path}.file_info.mode: a symlink has no mode of its own");
                return null;
            }
            mode = Mode(modeNode, $"{path}.file_info.mode");
        }
        else if (mode is null)
        {
            // nfpm would copy the mode from the build tree, which depends on the checkout's umask; the package
            // must not, so a file's mode is written in the spec.
            Error(entry, $"{path}.file_info.mode: required for a file (the build tree's mode depends on the checkout)");
        }
        var owner = Owner(info, "owner", path);
        var group = Owner(info, "group", path);
        if (mode is null || owner is null || group is null)
        {
            return null;
        }
        return new ContentEntry(source, destination, type, mode.Value, owner, group, At(entry));
    }

    /// <summary>dpkg-deb runs with --root-owner-group, so root is the only owner this builder can give.</summary>
    private string? Owner(Dictionary<string, YamlNode> info, string key, string path)
    {
        if (!info.TryGetValue(key, out var node))
        {
            return "root";
        }
        var name = Scalar(node, $"{path}.file_info.{key}", expand: false);
        if (name is not null and not "root")
        {
            Error(node, $"{path}.file_info.{key}: \"{name}\": only root is supported (dpkg-deb --root-owner-group); create other owners in postinst");
            return null;
        }
        return name;
    }

    private ContentType? ContentTypeOf(YamlNode node, string path) =>
        Scalar(node, path, expand: false) switch
        {
            null => null,
            "" => ContentType.File,
            "config" => ContentType.Config,
            "config|noreplace" => ContentType.ConfigNoReplace,
            "dir" => ContentType.Dir,
            "symlink" => ContentType.Symlink,
            var other => TypeError(node, path, other),
        };

    private ContentType? TypeError(YamlNode node, string path, string type)
    {
        Error(node, $"{path}: \"{type}\" is not supported here (supported: config, config|noreplace, dir, symlink, or none for a file)");
        return null;
    }

    private bool CheckDestination(YamlNode node, string path, string destination)
    {
        var segments = destination.Split('/');
        if (!destination.StartsWith('/') || destination.Length == 1 || destination.EndsWith('/')
            || segments.Skip(1).Any(s => s is "" or "." or ".."))
        {
            Error(node, $"{path}: \"{destination}\" is not a normalized absolute path (no //, ., .. or trailing /)");
            return false;
        }
        return true;
    }

    private bool CheckSource(YamlNode node, string path, string source, ContentType type)
    {
        if (type == ContentType.Symlink)
        {
            return true; // a link target is any path; dpkg stores it as written
        }
        if (source.IndexOfAny(['*', '?', '[', '{']) >= 0)
        {
            // nfpm globs src unless disable_globbing is set; this builder copies one named file per entry.
            Error(node, $"{path}: \"{source}\": globs are not supported, name one file");
            return false;
        }
        if (Path.IsPathRooted(source) || source.Split('/').Contains(".."))
        {
            Error(node, $"{path}: \"{source}\" must be relative to the spec's directory, without '..'");
            return false;
        }
        return true;
    }

    private List<ScriptFile> Scripts(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, "scripts: expected a mapping");
            return [];
        }
        var fields = KnownKeys(mapping, "scripts", [.. ScriptKeys.Select(k => k.Key)]);
        var scripts = new List<ScriptFile>();
        foreach (var (key, debianName) in ScriptKeys)
        {
            if (fields.TryGetValue(key, out var value) && Scalar(value, $"scripts.{key}", expand: false) is { } source
                && CheckSource(value, $"scripts.{key}", source, ContentType.File))
            {
                scripts.Add(new ScriptFile(debianName, source, At(value)));
            }
        }
        return scripts;
    }

    /// <summary>The mapping's values by key; an unknown or repeated key is reported and left out.</summary>
    private Dictionary<string, YamlNode> KnownKeys(YamlMappingNode mapping, string path, string[] known)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key))
            {
                Error(keyNode, $"{path}: unknown key \"{key}\" (this builder reads: {string.Join(", ", known)})");
                continue;
            }
            fields[key] = value;
        }
        return fields;
    }
}
