namespace ChatOps.EndToEnd.Tests;

/// <summary>Lab definitions for a service started as a process, which reads its lab from a file.</summary>
internal static class LabFile
{
    /// <summary>The default lab with a fault (a YAML mapping such as <c>{ latencyMs: 500 }</c>) on each of <paramref name="nodes"/>.</summary>
    public static string DefaultWith(string fault, params string[] nodes)
    {
        using var stream = typeof(ChatOps.Clusters.Lab.ILabCluster).Assembly.GetManifestResourceStream("ChatOps.Clusters.Lab.default-lab.yaml")!;
        var yaml = new StreamReader(stream).ReadToEnd();
        foreach (var node in nodes)
        {
            var entry = $"  - name: {node}\n";
            Assert.Contains(entry, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(entry, entry + $"    fault: {fault}\n", StringComparison.Ordinal);
        }

        return yaml;
    }

    /// <summary>The default lab with one VM renamed (for example to a name in Chinese).</summary>
    public static string DefaultWithVmNamed(string vm, string name)
    {
        var yaml = DefaultWith("{ latencyMs: 0 }");
        var entry = $"- {{ name: {vm}, ";
        Assert.Contains(entry, yaml, StringComparison.Ordinal);
        return yaml.Replace(entry, $"- {{ name: {name}, ", StringComparison.Ordinal);
    }
}
