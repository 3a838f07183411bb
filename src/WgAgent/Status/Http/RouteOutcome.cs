namespace WgAgent.Status.Http;

/// <summary>What a route lookup found.</summary>
internal enum RouteOutcome
{
    /// <summary>A handler for the method and path.</summary>
    Found,

    /// <summary>No such path: 404.</summary>
    NotFound,

    /// <summary>The path exists, not with this method: 405 with Allow.</summary>
    MethodNotAllowed,
}
