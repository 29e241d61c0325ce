using System.Diagnostics;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Lifecycle;
using ChatOps.Commands.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Commands.Routing;

/// <summary>
/// The one door into the commands, for text and button presses alike. A message goes through the
/// input guard, parse, the access gate, argument validation and its handler; a press of a pending
/// action's button through the same access gate to the pending-action flow. The gate denies in
/// doubt; a failing handler answers with an apology; refusals are audited by one builder.
/// </summary>
public sealed partial class CommandRouter
{
    private readonly CommandCatalog catalog;
    private readonly IAccessPolicy access;
    private readonly IServiceScopeFactory scopes;
    private readonly ActionAudit audit;
    private readonly Lazy<PendingActionFlow> pendingFlow;
    private readonly ILogger<CommandRouter> logger;

    // The pending-action flow is made when the first press or card needs it (a host without actions never does).
    internal CommandRouter(CommandCatalog catalog, IAccessPolicy access, IServiceScopeFactory scopes, ActionAudit audit, Lazy<PendingActionFlow> flow, ILogger<CommandRouter> logger)
    {
        this.catalog = catalog;
        this.access = access;
        this.scopes = scopes;
        this.audit = audit;
        pendingFlow = flow;
        this.logger = logger;
    }

    private PendingActionFlow flow => pendingFlow.Value;

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
        if (RoleOf(context.Caller, command.Name) is not { } role)
        {
            return CannotCheck(command.Name);
        }

        if (role < command.Role)
        {
            LogDenied(command.Name, context.Caller.Id, role, command.Role);
            await AuditRefusalAsync(command, context, clean, $"needs {command.Role}, caller is {role}", cancellationToken);
            return Reply.Error(AccessGate.Needs(command.Name, command.Role, role), context.Caller.HowToGrant(command.Role));
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

    /// <summary>
    /// Answers a press of a pending action's button (a decision, or a card's refresh asking for the
    /// presser's view): the same access gate as a message, then the pending-action flow.
    /// </summary>
    public async Task<Reply> PressAsync(Press press, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(press);
        ArgumentNullException.ThrowIfNull(context);
        const string what = "that button";
        try
        {
            if (press.IsMalformed)
            {
                LogMalformedPress(context.Caller.Id, context.ConversationId);
                await audit.AppendAsync(context, "[malformed button press]", "unknown", string.Empty, AuditDecision.Refused, "malformed button data", Stopwatch.GetTimestamp(), null, cancellationToken);
                return Reply.Error($"That button's data is not what my buttons send (a pending-action id is text of at most {CardWire.MaxFieldLength} characters); nothing was done.");
            }

            if (RoleOf(context.Caller, what) is not { } role)
            {
                return CannotCheck(what);
            }

            var caller = context with { Role = role };
            return press.IsRefresh
                ? await flow.ViewAsync(press.PendingId, caller, cancellationToken)
                : await flow.DecideAsync(press, caller, typed: false, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            LogStateUnavailable(what, context.Caller.Id, ex.Reason);
            return Reply.Error($"My state database is not answering ({ex.Reason}), so nothing was done with that button.", "Press it again in a minute.");
        }
    }

    /// <summary>What a pending action's card shows and where it is; null when the id is unknown.</summary>
    public Task<PendingCard?> PendingCardAsync(string? pendingId, CancellationToken cancellationToken) => flow.CardAsync(pendingId, cancellationToken);

    /// <summary>Remembers the message that carries a pending action's card, so a press from a client that does not say which card still updates it.</summary>
    public Task CardSentAsync(string pendingId, string messageId, CancellationToken cancellationToken) => flow.CardSentAsync(pendingId, messageId, cancellationToken);

    /// <summary>Audits that a pending action's card never reached its conversation, so nobody can press its buttons.</summary>
    public Task CardUndeliverableAsync(string pendingId, string reason, CancellationToken cancellationToken) => flow.CardUndeliverableAsync(pendingId, reason, cancellationToken);

    /// <summary>Audits a message that was acknowledged and will never be answered (<see cref="AuditDecision.Unanswered"/>), and why.</summary>
    public Task UnansweredAsync(CommandContext context, string text, string reason, CancellationToken cancellationToken) =>
        audit.AppendAsync(context, text, "message", string.Empty, AuditDecision.Unanswered, reason, Stopwatch.GetTimestamp(), null, cancellationToken);

    /// <summary>The caller's role; null (logged) when it cannot be checked, which denies.</summary>
    private Role? RoleOf(Caller caller, string what)
    {
        try
        {
            return access.RoleOf(caller);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAccessCheckFailed(ex, what, caller.Id);
            return null;
        }
    }

    private static Reply CannotCheck(string what) => Reply.Error($"I could not check your access for {(what.Contains(' ', StringComparison.Ordinal) ? what : $"`{what}`")}, so it is denied.");

    private async Task AuditRefusalAsync(CommandDefinition command, CommandContext context, string text, string reason, CancellationToken cancellationToken)
    {
        if (!command.Audited)
        {
            return;
        }

        try
        {
            await audit.AppendAsync(context, text, command.Name, string.Empty, AuditDecision.Refused, reason, Stopwatch.GetTimestamp(), null, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed button press from {User} in {Conversation}")]
    private partial void LogMalformedPress(string user, string conversation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} by {User} failed")]
    private partial void LogHandlerFailed(Exception exception, string command, string user);
}
