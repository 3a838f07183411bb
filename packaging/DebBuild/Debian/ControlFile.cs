using System.Text;
using WgAgent.DebBuild.Spec;

namespace WgAgent.DebBuild.Debian;

/// <summary>Renders DEBIAN/control (deb-control(5)) from the spec. Pure.</summary>
public static class ControlFile
{
    /// <summary>
    /// The control file: fields in the order nfpm's deb packager writes them, then the description as deb-control(5)
    /// formats a multi-line field: the synopsis on the field's line, each further line indented by one space, and
    /// an empty line written as " ." (an empty line would end the paragraph and so the control file).
    /// </summary>
    /// <param name="spec">The package.</param>
    /// <param name="installedSizeKiB">The Installed-Size value: the unpacked size in KiB.</param>
    public static string Render(PackageSpec spec, long installedSizeKiB)
    {
        var text = new StringBuilder();
        void Field(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(name).Append(": ").Append(value).Append('\n');
            }
        }

        Field("Package", spec.Name);
        Field("Version", spec.Version);
        Field("Section", spec.Section);
        Field("Priority", spec.Priority);
        Field("Architecture", spec.Architecture);
        Field("Maintainer", spec.Maintainer);
        Field("Installed-Size", installedSizeKiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var relation in spec.Relations)
        {
            Field(relation.Field, string.Join(", ", relation.Packages));
        }
        Field("Homepage", spec.Homepage);

        var lines = spec.Description.Split('\n');
        text.Append("Description: ").Append(lines[0].TrimEnd()).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var trimmed = line.TrimEnd();
            text.Append(' ').Append(trimmed.Length == 0 ? "." : trimmed).Append('\n');
        }
        return text.ToString();
    }
}
