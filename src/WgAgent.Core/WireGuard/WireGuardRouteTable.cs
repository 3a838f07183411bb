using System.Globalization;

namespace WgAgent.Core.WireGuard;

/// <summary>The routing table wg-quick(8) puts the peers' routes in, from wg0.conf's <c>Table</c>.</summary>
public sealed record WireGuardRouteTable
{
    private WireGuardRouteTable(WireGuardRouteTableKind kind, uint? number, string? name)
    {
        Kind = kind;
        Number = number;
        Name = name;
    }

    /// <summary><c>auto</c>, the default when <c>Table</c> is absent.</summary>
    public static WireGuardRouteTable Auto { get; } = new(WireGuardRouteTableKind.Auto, null, null);

    /// <summary><c>off</c>: no routes.</summary>
    public static WireGuardRouteTable Off { get; } = new(WireGuardRouteTableKind.Off, null, null);

    /// <summary>Which form the value has.</summary>
    public WireGuardRouteTableKind Kind { get; }

    /// <summary>The table number, for <see cref="WireGuardRouteTableKind.Number"/>.</summary>
    public uint? Number { get; }

    /// <summary>The table name, for <see cref="WireGuardRouteTableKind.Name"/>.</summary>
    public string? Name { get; }

    /// <summary>A numbered table.</summary>
    /// <param name="number">The table number.</param>
    /// <returns>The table.</returns>
    public static WireGuardRouteTable FromNumber(uint number) => new(WireGuardRouteTableKind.Number, number, null);

    /// <summary>A named table (the name is not checked against rt_tables; that is the host's business).</summary>
    /// <param name="name">The table name.</param>
    /// <returns>The table.</returns>
    public static WireGuardRouteTable FromName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(WireGuardRouteTableKind.Name, null, name);
    }

    /// <summary>Renders the value as wg0.conf would: <c>auto</c>, <c>off</c>, a number or a name.</summary>
    public override string ToString() => Kind switch
    {
        WireGuardRouteTableKind.Auto => "auto",
        WireGuardRouteTableKind.Off => "off",
        WireGuardRouteTableKind.Number => Number!.Value.ToString(CultureInfo.InvariantCulture),
        _ => Name!,
    };
}
