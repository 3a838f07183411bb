using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WgAgent.Status.Http;

namespace WgAgent.Status.Tests.Protocol;

public class HttpRequestParserProperties
{
    [Property(MaxTest = 2000)]
    public bool Parse_AnyBytes_NeverThrowsAndStaysInBounds(byte[] bytes)
    {
        var result = HttpRequestParser.Parse(bytes, 512);
        return result.Outcome switch
        {
            HttpParseOutcome.Complete => result.Consumed > 0 && result.Consumed <= Math.Min(bytes.Length, 512),
            HttpParseOutcome.Error => result.ErrorStatus is 400 or 417 or 431 or 501 or 505,
            _ => bytes.Length < 512,
        };
    }

    [Property(MaxTest = 500)]
    public Property Parse_WellFormedRequest_RoundTrips()
    {
        var token = Gen.Elements("GET", "POST", "PUT", "X-CUSTOM");
        var segment = Gen.Elements("v1", "status", "killswitch", "a.b", "~x", "%20");
        var path = Gen.ListOf(segment).Select(s => "/" + string.Join('/', s));
        var name = Gen.Elements("Host", "User-Agent", "X-Test", "Accept");
        var value = Gen.Elements("", "localhost", "curl/8.5.0", "a b  c", "*/*");
        var header = from n in name from v in value select new HttpHeader(n, v);
        var request = from m in token from p in path from h in Gen.ListOf(header) select (Method: m, Path: p, Headers: h.ToArray());
        return Prop.ForAll(request.ToArbitrary(), r =>
        {
            var (method, p, headers) = r;
            var text = $"{method} {p} HTTP/1.1\r\n" + string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\r\n")) + "\r\n";
            var bytes = Encoding.ASCII.GetBytes(text);

            // Any split point: a prefix is incomplete, the whole is the request.
            var cut = bytes.Length / 2;
            var prefix = HttpRequestParser.Parse(bytes.AsSpan(0, cut), 16 * 1024);
            var whole = HttpRequestParser.Parse(bytes, 16 * 1024);
            return prefix.Outcome == HttpParseOutcome.Incomplete
                && whole.Outcome == HttpParseOutcome.Complete
                && whole.Consumed == bytes.Length
                && whole.Head!.Method == method
                && whole.Head.Path == p
                && whole.Head.Headers.SequenceEqual(headers.Select(h => h with { Value = h.Value.Trim() }));
        });
    }
}
