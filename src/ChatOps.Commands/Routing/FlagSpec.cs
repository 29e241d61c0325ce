namespace ChatOps.Commands.Routing;

/// <summary>A <c>--flag</c>, either a switch or followed by a value.</summary>
public sealed record FlagSpec(string Name, string Summary, bool TakesValue = false);
