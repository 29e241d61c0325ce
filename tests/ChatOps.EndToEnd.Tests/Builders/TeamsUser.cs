namespace ChatOps.EndToEnd.Tests.Builders;

/// <summary>A Teams user as an activity's <c>from</c> carries it.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    /// <summary>The default sender of test messages.</summary>
    public static readonly TeamsUser Dana = new("29:1user-abc", "Dana Admin", "11111111-2222-3333-4444-555555555555");

    /// <summary>A second person in the channel.</summary>
    public static readonly TeamsUser Lee = new("29:1user-def", "Lee Oncall", "22222222-3333-4444-5555-666666666666");

    /// <summary>A third person, never given a role.</summary>
    public static readonly TeamsUser Sam = new("29:1user-ghi", "Sam Reader", "33333333-4444-5555-6666-777777777777");
}
