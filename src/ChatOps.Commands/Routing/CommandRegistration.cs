namespace ChatOps.Commands.Routing;

/// <summary>A command definition and the handler type that runs it.</summary>
public sealed record CommandRegistration(CommandDefinition Definition, Type HandlerType);
