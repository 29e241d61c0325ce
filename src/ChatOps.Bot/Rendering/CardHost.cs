namespace ChatOps.Bot.Rendering;

/// <summary>Which client shows a card: Teams runs Universal Actions (<c>Action.Execute</c>); the others (Web Chat, the Emulator, Direct Line) run <c>Action.Submit</c>.</summary>
internal enum CardHost
{
    Teams,
    Other,
}
