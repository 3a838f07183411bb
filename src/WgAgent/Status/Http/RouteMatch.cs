namespace WgAgent.Status.Http;

/// <summary>The result of <see cref="RouteTable.Resolve"/>.</summary>
/// <param name="Outcome">Found, not found, or method not allowed.</param>
/// <param name="Handler">The handler when found.</param>
/// <param name="Allow">The Allow value (e.g. "GET") when the method is not allowed.</param>
internal readonly record struct RouteMatch(RouteOutcome Outcome, HttpHandler? Handler, string? Allow);
