using WgAgent.Core.Net;

namespace WgAgent.Core.Tunnel;

/// <summary>
/// A copy of the namespace's links and addresses, kept for every link and not only the watched one: an address
/// event names only an interface index, and a link renamed to the watched name brings the addresses it already had.
/// The namespace a host agent runs in has a handful of links, so this stays small.
/// </summary>
internal sealed class RouteMirror
{
    private readonly Dictionary<int, NetworkLink> links = [];
    private readonly Dictionary<int, List<InterfaceAddress>> addresses = [];

    public void Apply(NetlinkEvent message)
    {
        switch (message)
        {
            case LinkUpdated { Link: var link }:
                // A change notification always carries IFLA_LINKINFO for drivers that have it, but keep the kind
                // known from before should one arrive without it.
                links[link.Index] = link.Kind is null && links.TryGetValue(link.Index, out var known) && known.Kind is not null
                    ? link with { Kind = known.Kind }
                    : link;
                break;
            case LinkDeleted { Link: var link }:
                links.Remove(link.Index);
                addresses.Remove(link.Index);
                break;
            case AddressUpdated update:
                var list = addresses.TryGetValue(update.InterfaceIndex, out var existing) ? existing : addresses[update.InterfaceIndex] = [];
                var at = list.FindIndex(a => SameAddress(a, update.Address));
                if (at < 0)
                {
                    list.Add(update.Address);
                }
                else
                {
                    list[at] = update.Address;
                }

                break;
            case AddressDeleted deletion when addresses.TryGetValue(deletion.InterfaceIndex, out var current):
                current.RemoveAll(a => SameAddress(a, deletion.Address));
                break;
        }
    }

    public TunnelState Project(InterfaceName name)
    {
        // Names are unique within a namespace, so at most one link matches.
        var link = links.Values.FirstOrDefault(l => string.Equals(l.Name, name.Value, StringComparison.Ordinal));
        return TunnelState.Create(name, link, link is not null && addresses.TryGetValue(link.Index, out var list) ? list : []);
    }

    // The kernel keys an address by its value and prefix length on a link (the same IPv4 address may appear with
    // two prefix lengths); a change of flags or scope for the same key is an update, not a second address.
    private static bool SameAddress(InterfaceAddress a, InterfaceAddress b) =>
        a.Address.Equals(b.Address) && a.PrefixLength == b.PrefixLength;
}
