namespace ChatOps.Commands.Routing;

/// <summary>A positional argument.</summary>
/// <param name="Name">Name shown in usage and used to read the value.</param>
/// <param name="Required">Whether the command fails without it.</param>
/// <param name="Rest">Takes every remaining word (only the last argument may).</param>
public sealed record ArgumentSpec(string Name, bool Required = true, bool Rest = false);
