using WgAgent.Status.Http;

namespace WgAgent.Status.Tests.Protocol;

public class RouteTableTests
{
    private static readonly HttpHandler Handler = (_, _) => ValueTask.FromResult(HttpResponse.Text(200, "x"));

    private static RouteTable Routes() => new HttpRoutes()
        .MapGet("/v1/status", Handler)
        .MapGet("/v1/killswitch", Handler)
        .MapPost("/v1/reload", Handler)
        .Map("DELETE", "/v1/reload", Handler)
        .Freeze();

    [Theory]
    [InlineData("GET", "/v1/status", "Found", null)]
    [InlineData("POST", "/v1/reload", "Found", null)]
    [InlineData("POST", "/v1/status", "MethodNotAllowed", "GET")]
    [InlineData("GET", "/v1/reload", "MethodNotAllowed", "DELETE, POST")]
    [InlineData("get", "/v1/status", "MethodNotAllowed", "GET")]
    [InlineData("GET", "/v1/status/", "NotFound", null)]
    [InlineData("GET", "/V1/STATUS", "NotFound", null)]
    [InlineData("GET", "/", "NotFound", null)]
    public void Resolve_MethodAndPath_Outcome(string method, string path, string outcome, string? allow)
    {
        var match = Routes().Resolve(method, path);

        Assert.Equal(outcome, match.Outcome.ToString());
        Assert.Equal(allow, match.Allow);
        Assert.Equal(outcome == "Found", match.Handler is not null);
    }

    [Fact]
    public void Paths_Sorted()
    {
        Assert.Equal("/v1/killswitch, /v1/reload, /v1/status", Routes().Paths);
    }

    [Theory]
    [InlineData("get", "/x")]
    [InlineData("GET", "x")]
    [InlineData("GET", "/x?y")]
    [InlineData("GET", "/x y")]
    [InlineData("", "/x")]
    public void Map_Malformed_Throws(string method, string path)
    {
        Assert.Throws<ArgumentException>(() => new HttpRoutes().Map(method, path, Handler));
    }

    [Fact]
    public void Map_Twice_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HttpRoutes().MapGet("/x", Handler).MapGet("/x", Handler));
    }
}
