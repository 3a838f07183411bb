using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// Reads a wg-quick config (wg0.conf) into a <see cref="WireGuardConfig"/>, following wg(8)
/// (CONFIGURATION FILE FORMAT) and wg-quick(8): sections <c>[Interface]</c> and <c>[Peer]</c>,
/// case-insensitive keys, <c>#</c> comments, comma-separated lists. Pure: it gets the text and the path
/// to name in diagnostics, and never throws on bad input.
/// </summary>
/// <remarks>
/// Every problem is reported with its line and column, e.g.
/// <c>wg0.conf:7:14: error: Interface.ListenPort: "70000" is not a port (1-65535)</c>. Where wg(8) and
/// wg-quick(8) silently pick something (a key set twice, a key in the wrong section) this is an error,
/// since the agent's firewall must agree with what the tunnel really does. Hooks, <c>SaveConfig</c> and
/// unknown keys are kept in <see cref="WireGuardConfig.IgnoredEntries"/>. Private and preshared keys are
/// checked for form and dropped; no diagnostic ever repeats them.
/// </remarks>
public static class WireGuardConfigReader
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>Reads the text of a wg-quick config.</summary>
    /// <param name="text">The whole file, decoded.</param>
    /// <param name="sourcePath">The path to name in diagnostics, as the user would write it.</param>
    /// <returns>The model (null when there is any error) and every diagnostic, in file order.</returns>
    public static WireGuardConfigReadResult Read(string text, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var bag = new DiagnosticBag(sourcePath);
        var rawEntries = new List<WireGuardRawEntry>();
        var sections = new SectionTracker(bag, rawEntries);

        if (text.Length > 0 && text[0] == ByteOrderMark)
        {
            // Neither wg-quick(8) nor wg(8) skip a byte order mark: "[Interface]" would not be recognised.
            bag.Error(TextPosition.Start, null, "the file starts with a byte order mark (U+FEFF), which wg-quick(8) does not accept",
                "save the file as UTF-8 without BOM");
            text = text[1..];
        }

        foreach (var line in ConfigLexer.Lex(text))
        {
            switch (line.Kind)
            {
                case ConfigLineKind.Section:
                    sections.Enter(line);
                    break;
                case ConfigLineKind.Malformed:
                    bag.Error(line.TextPosition, null, $"expected \"Key = Value\", found {DiagnosticText.Quote(line.Text)}",
                        "add \"= value\" or comment the line out with \"#\"");
                    break;
                case ConfigLineKind.Entry:
                    ReadEntry(line, sections, bag);
                    break;
            }
        }

        return Finish(sourcePath, sections, rawEntries, bag);
    }

    private static void ReadEntry(ConfigLine line, SectionTracker sections, DiagnosticBag bag)
    {
        if (line.Text.Length == 0)
        {
            bag.Error(line.TextPosition, sections.Current?.Path, "a line starts with \"=\"; the key is missing");
            return;
        }
        var section = sections.Current;
        if (section is null)
        {
            // Inside an unknown section the header was reported already; its keys would only add noise.
            if (!sections.InUnknownSection)
            {
                bag.Error(line.TextPosition, line.Text, "this key is outside a section",
                    "put it under [Interface] or [Peer]");
            }
            return;
        }

        var inInterface = section is InterfaceBuilder;
        var key = ConfigKeys.Canonical(line.Text, inInterface);
        if (key is not null)
        {
            section.Accept(line, key);
            return;
        }
        var otherSectionKey = ConfigKeys.Canonical(line.Text, !inInterface);
        if (otherSectionKey is not null)
        {
            var (here, there) = inInterface ? ("Interface", "Peer") : ("Peer", "Interface");
            bag.Error(line.TextPosition, $"{section.Path}.{line.Text}", $"{otherSectionKey} belongs in [{there}], not in [{here}]");
            return;
        }
        section.Keep(line, line.Value);
        var suggestion = ConfigKeys.Suggest(line.Text, inInterface);
        bag.Warning(line.TextPosition, $"{section.Path}.{line.Text}",
            "unknown key; wgagent ignores it, and wg(8) rejects the line (\"Line unrecognized\")",
            suggestion is null ? null : $"did you mean \"{suggestion}\"?");
    }

    private static WireGuardConfigReadResult Finish(string sourcePath, SectionTracker sections,
        List<WireGuardRawEntry> rawEntries, DiagnosticBag bag)
    {
        if (sections.Interface is null)
        {
            bag.Add(new Diagnostic(bag.SourcePath, 0, 0, DiagnosticSeverity.Error, null, "no [Interface] section",
                "a wg-quick config starts with [Interface] and the host's Address, PrivateKey and ListenPort"));
        }
        var wgInterface = sections.Interface?.Build();
        var peers = sections.Peers.Select(peer => peer.Build()).ToArray();
        PeerChecks.Run(sections.Peers, bag);

        if (bag.HasErrors || wgInterface is null || peers.Any(peer => peer is null))
        {
            return new WireGuardConfigReadResult(null, bag.ToSortedList());
        }
        var config = new WireGuardConfig
        {
            SourcePath = sourcePath,
            Interface = wgInterface,
            Peers = peers!,
            IgnoredEntries = rawEntries.ToArray(),
        };
        return new WireGuardConfigReadResult(config, bag.ToSortedList());
    }
}
