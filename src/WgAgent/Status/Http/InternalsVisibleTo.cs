using System.Runtime.CompilerServices;

// The request parser, the response writer and the route table are internal; their unit tests live in
// tests/WgAgent.Status.Tests. (Here rather than in WgAgent.csproj so this feature's files stay in its folder.)
[assembly: InternalsVisibleTo("WgAgent.Status.Tests")]
