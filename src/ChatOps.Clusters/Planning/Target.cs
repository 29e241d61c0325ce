namespace ChatOps.Clusters.Planning;

/// <summary>A node that can take VMs during one plan, with the memory it has left so far.</summary>
internal sealed class Target(string name, long freeMb)
{
    public string Name { get; } = name;

    public long FreeMb { get; set; } = freeMb;
}
