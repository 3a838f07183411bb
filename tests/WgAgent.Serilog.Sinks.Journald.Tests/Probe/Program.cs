using System.Globalization;
using Serilog;
using Serilog.Sinks.Journald;

// journald-probe --identifier ID [--socket PATH] [--large BYTES]
// Logs, in order: an Information with properties, a two-line Warning, an Error with an exception and,
// with --large, an Information whose entry is too big for a datagram (the sink's send buffer is kept
// at 64 KiB, so anything near 100 KB goes through a memfd).
string? identifier = null, socket = null;
var large = 0;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--identifier": identifier = args[i + 1]; break;
        case "--socket": socket = args[i + 1]; break;
        case "--large": large = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: return Usage($"unknown option {args[i]}");
    }
}

if (identifier is null || args.Length % 2 != 0)
{
    return Usage("--identifier is required and every option takes a value");
}

var options = new JournaldSinkOptions
{
    SyslogIdentifier = identifier,
    SocketPath = socket ?? JournaldSinkOptions.DefaultSocketPath,
    SendBufferSize = 64 * 1024,
};
using (var log = new LoggerConfiguration().WriteTo.Journald(options).CreateLogger())
{
    log.Information("probe {RunId} started on {Interface}", identifier, "wg0");
    log.Warning("first line\nsecond line");
    try
    {
        throw new InvalidOperationException("probe failure");
    }
    catch (InvalidOperationException e)
    {
        log.Error(e, "probe error for {RunId}", identifier);
    }

    if (large > 0)
    {
        log.Information("large {Payload}", new string('x', large));
    }
}

return 0;

static int Usage(string problem)
{
    Console.Error.WriteLine($"journald-probe: {problem}\nusage: journald-probe --identifier ID [--socket PATH] [--large BYTES]");
    return 2;
}
