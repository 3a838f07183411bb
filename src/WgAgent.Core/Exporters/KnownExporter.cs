using WgAgent.Core.Config;

namespace WgAgent.Core.Exporters;

/// <summary>
/// What wgagent knows about one packaged exporter unit: the program its stock unit runs, the way to pin it to
/// given addresses, and the rest of the stock command line to keep.
/// </summary>
/// <param name="Unit">The service as the package ships it.</param>
/// <param name="Program">The absolute path of the exporter binary (the stock unit's <c>ExecStart=</c> program).</param>
/// <param name="Activation">How it is bound to the WireGuard address.</param>
/// <param name="Flag">
/// For <see cref="ExporterActivation.SystemdSocket"/> the flag that makes it serve on the passed sockets
/// (<c>--web.systemd-socket</c>); for <see cref="ExporterActivation.ListenAddressFlag"/> the flag that takes one
/// <c>host:port</c> and may be repeated (<c>--web.listen-address</c>).
/// </param>
/// <param name="StockArguments">
/// The rest of the stock <c>ExecStart=</c>, kept after the flag: for Debian's units <c>$ARGS</c>, which systemd
/// expands from the unit's own <c>EnvironmentFile=</c> (/etc/default/…), so the operator's arguments still apply.
/// </param>
public sealed record KnownExporter(SystemdUnitName Unit, string Program, ExporterActivation Activation, string Flag, string StockArguments);
