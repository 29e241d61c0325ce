using System.Diagnostics;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Commands.Routing;

/// <summary>
/// The one pipeline every message goes through: input guard, parse, access check, argument
/// validation, handler. A failing access check denies; a failing handler answers with an apology.
/// </summary>
public sealed partial class CommandRouter(
    CommandCatalog catalog,
    IAccessPolicy access,
    IServiceScopeFactory scopes,
    IAuditLog audit,
    TimeProvider time,
    ILogger<CommandRouter> logger)
{
    /// <summary>Answers one message.</summary>
    public async Task<Reply> DispatchAsync(string? text, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (clean, problem) = InputGuard.Check(text);
        if (problem is not null)
        {
            return Reply.Error(problem, "Type `help` to see what I can do.");
        }

        var (tokens, tokenError) = Tokenizer.Split(clean);
        if (tokenError is not null)
        {
            return Reply.Error(tokenError, "Close the quote, or leave quotes out.");
        }

        var (registration, used) = catalog.Match(tokens);
        if (registration is null)
        {
            return UnknownCommand(tokens);
        }

        var command = registration.Definition;
        Role role;
        try
        {
            role = access.RoleOf(context.Caller);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAccessCheckFailed(ex, command.Name, context.Caller.Id);
            return Reply.Error($"I could not check your access for `{command.Name}`, so it is denied.");
        }

        if (role < command.Role)
        {
            LogDenied(command.Name, context.Caller.Id, role, command.Role);
            await AuditRefusalAsync(command, context, clean, $"needs {command.Role}, caller is {role}", cancellationToken);
            return Reply.Error(
                $"`{command.Name}` needs the {command.Role.ToString().ToLowerInvariant()} role; you are {role.ToString().ToLowerInvariant()}.",
                context.Caller.HowToGrant(command.Role));
        }

        var (arguments, flags, parseProblem) = CommandParser.Parse(command, tokens.Skip(used).ToList());
        if (parseProblem is not null)
        {
            await AuditRefusalAsync(command, context, clean, parseProblem, cancellationToken);
            return Reply.Error(parseProblem, $"Usage: `{command.Usage}`");
        }

        var request = new CommandRequest(command, arguments, flags, context with { Role = role }, clean);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = (ICommandHandler)scope.ServiceProvider.GetRequiredService(registration.HandlerType);
            var reply = await handler.HandleAsync(request, cancellationToken);
            LogHandled(command.Name, context.Caller.Id, reply.Outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return reply;
        }
        catch (StateUnavailableException ex)
        {
            LogStateUnavailable(command.Name, context.Caller.Id, ex.Reason);
            return StateDown(command, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(ex, command.Name, context.Caller.Id);
            return Reply.Error($"Sorry, `{command.Name}` failed unexpectedly. The error is in the bot's log.");
        }
    }

    private async Task AuditRefusalAsync(CommandDefinition command, CommandContext context, string text, string reason, CancellationToken cancellationToken)
    {
        if (!command.Audited)
        {
            return;
        }

        try
        {
            await audit.AppendAsync(new AuditRecord
            {
                Time = time.GetUtcNow(),
                UserId = context.Caller.Id,
                UserName = context.Caller.Name,
                ConversationId = context.ConversationId,
                CommandText = text,
                Action = command.Name,
                Decision = AuditDecision.Refused,
                Outcome = reason,
            }, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            // The refusal is answered all the same; only its record is lost, and the log says so.
            LogStateUnavailable(command.Name, context.Caller.Id, ex.Reason);
        }
    }

    /// <summary>What a command that needs the state database answers while it is down: nothing was done, and what still works.</summary>
    private static Reply StateDown(CommandDefinition command, StateUnavailableException ex) => Reply.Error(
        $"`{command.Name}` needs the state database, which is not answering ({ex.Reason}), so nothing was done.",
        "Reading the cluster and the runbooks still works (`cluster`, `vm <name>`, `diagnose`, `kb search <words>`); actions, schedules and subscriptions wait until the database is back.");

    private Reply UnknownCommand(IReadOnlyList<string> tokens)
    {
        var verb = tokens[0];
        var twoWords = tokens.Count > 1 ? $"{tokens[0]} {tokens[1]}" : verb;
        var suggestions = DidYouMean.Suggest(twoWords, catalog.AllNames.Where(n => n.Contains(' ', StringComparison.Ordinal)))
            .Concat(DidYouMean.Suggest(verb, catalog.AllNames))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .ToList();
        var shown = verb.Length > 40 ? verb[..40] + "…" : verb;
        var hint = suggestions.Count > 0
            ? DidYouMean.Phrase(suggestions) + $" Usage: `{catalog.Find(suggestions[0])!.Definition.Usage}`"
            : "Type `help` to see the commands.";
        if (suggestions.Count == 0 && verb.Any(IsCjk))
        {
            hint = $"Commands are English words; to search the runbooks in Chinese, try `kb search {string.Join(' ', tokens)}`. Type `help` for the commands.";
        }

        var error = Reply.Error($"I don't know the command `{shown}`.", hint);
        if (suggestions.Count == 0)
        {
            return error;
        }

        // The button runs the first suggestion with the rest of what was typed ("vn web01" offers "vm web01").
        var rest = tokens.Skip(suggestions[0].Contains(' ', StringComparison.Ordinal) ? 2 : 1).Select(t => t.Contains(' ', StringComparison.Ordinal) ? $"\"{t}\"" : t);
        var command = string.Join(' ', rest.Prepend(suggestions[0]));
        return command.Length > 100 ? error : error with { Buttons = [new ReplyButton($"Run {command}", command)] };
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} by {User} finished {Outcome} in {ElapsedMs:F0} ms")]
    private partial void LogHandled(string command, string user, ReplyOutcome outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {Command} denied to {User}: role {Role}, needs {Required}")]
    private partial void LogDenied(string command, string user, Role role, Role required);

    [LoggerMessage(Level = LogLevel.Error, Message = "Access check for {Command} by {User} failed; denied")]
    private partial void LogAccessCheckFailed(Exception exception, string command, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} by {User} found the state database down: {Reason}")]
    private partial void LogStateUnavailable(string command, string user, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} by {User} failed")]
    private partial void LogHandlerFailed(Exception exception, string command, string user);
}
