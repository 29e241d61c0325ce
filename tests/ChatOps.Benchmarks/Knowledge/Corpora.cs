using ChatOps.Clusters.Fakes;
using ChatOps.Knowledge;
using ChatOps.Knowledge.Loading;

namespace ChatOps.Benchmarks.Knowledge;

/// <summary>The two corpora benchmarked: the repository's runbooks and 10,000 generated ones.</summary>
internal static class Corpora
{
    public const string Real = "kb (20)";
    public const string Generated = "generated (10,000)";

    /// <summary>What an on-call admin types: English, Chinese, ids, error text and a typo.</summary>
    public static readonly string[] Queries =
    [
        "vm got 169.254 address after failover", "APIPA", "仲裁", "虚拟机 状态 不同步", "4096", "KB970529",
        "Unsupported Cluster Configuration", "kill cluster service on unresponsive node", "集群共享卷 备份",
        "not enough memory for failover", "qourum witnes", "driver versions differ between nodes",
    ];

    public static IReadOnlyList<Runbook> Load(string corpus) => corpus == Real
        ? RunbookLoader.LoadFolder(KbFolder()).Runbooks
        : GeneratedCorpus.Create(10_000);

    public static string KbFolder() => Path.Combine(RepositoryFiles.Root, "kb");
}
