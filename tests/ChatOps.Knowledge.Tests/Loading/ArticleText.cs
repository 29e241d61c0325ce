namespace ChatOps.Knowledge.Tests.Loading;

/// <summary>A valid article whose lines are known, to break one thing at a time.</summary>
internal static class ArticleText
{
    // Line numbers of the template below, as the loader must report them.
    public const int TitleLine = 3;
    public const int RelatedLine = 14;
    public const int CauseLine = 23;
    public const int PreventLine = 35;

    public static string Valid(string id = "alpha", string related = "beta") => $$"""
        ---
        id: {{id}}
        title: Alpha nodes lose their heartbeat
        summary: The alpha problem, in one sentence.
        severity: high
        applies_to: [Windows Server 2008 R2]
        keywords: [alpha, heartbeat, 心跳]
        symptoms: ["the node drops out"]
        errors: ["Alpha failure detected"]
        events: [{ log: System, provider: Microsoft-Windows-FailoverClustering, id: 1135, level: Critical, versions: ["2016", "2022"] }]
        hotfixes: [KB123456]
        checks: []
        actions: []
        related: [{{related}}]
        ---

        # Alpha nodes lose their heartbeat

        ## Symptoms

        The node drops out of the cluster.

        ## Cause

        A switch drops heartbeat packets.

        ## Diagnose

        Run `nodes`.

        ## Fix

        1. Replace the switch.

        ## Prevent

        Redundant heartbeat networks.

        ## References

        - [Beta](beta.md)
        """ + "\n";

    public static (string Path, string? Text) File(string name, string text) => ($"/kb/{name}.md", text);
}
