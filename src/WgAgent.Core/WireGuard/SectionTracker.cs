using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>Follows the section headers of a wg0.conf and owns the section readers they open.</summary>
internal sealed class SectionTracker(DiagnosticBag bag, List<WireGuardRawEntry> rawEntries)
{
    private readonly List<PeerBuilder> _peers = [];

    /// <summary>The [Interface] reader, once an [Interface] header was seen.</summary>
    public InterfaceBuilder? Interface { get; private set; }

    /// <summary>The [Peer] readers, in file order.</summary>
    public IReadOnlyList<PeerBuilder> Peers => _peers;

    /// <summary>The section the next key belongs to; null before the first header or after an unknown one.</summary>
    public SectionBuilder? Current { get; private set; }

    /// <summary>True after a header that is neither [Interface] nor [Peer].</summary>
    public bool InUnknownSection { get; private set; }

    /// <summary>Switches section at a header line.</summary>
    public void Enter(ConfigLine header)
    {
        InUnknownSection = false;
        // Both tools compare the whole trimmed header case-insensitively ("[peer]" works, "[ Peer ]" does not in wg-quick).
        if (header.Text.Equals("[Interface]", StringComparison.OrdinalIgnoreCase))
        {
            if (Interface is not null)
            {
                // wg(8) and wg-quick(8) merge a second [Interface] into the first; legal but surprising.
                bag.Warning(header.TextPosition, "Interface",
                    $"a second [Interface] section; its keys are merged with the first (line {Interface.Header.Line})");
            }
            Interface ??= new InterfaceBuilder(header.TextPosition, bag, rawEntries);
            Current = Interface;
            return;
        }
        if (header.Text.Equals("[Peer]", StringComparison.OrdinalIgnoreCase))
        {
            var peer = new PeerBuilder(_peers.Count + 1, header.TextPosition, bag, rawEntries);
            _peers.Add(peer);
            Current = peer;
            return;
        }
        bag.Error(header.TextPosition, null, $"unknown section {DiagnosticText.Quote(header.Text)}",
            "wg-quick(8) knows only [Interface] and [Peer]");
        Current = null;
        InUnknownSection = true;
    }
}
