using System.Text;
using ChatOps.Knowledge;
using ChatOps.Knowledge.Loading;

namespace ChatOps.Benchmarks.Knowledge;

/// <summary>Runbook-like articles in English and Chinese, generated from a fixed seed so every run indexes the same text.</summary>
internal static class GeneratedCorpus
{
    private static readonly string[] English =
    [
        "cluster", "node", "failover", "quorum", "witness", "heartbeat", "network", "storage", "LUN", "CSV", "iSCSI",
        "MPIO", "driver", "firmware", "BIOS", "HBA", "hotfix", "patch", "virtual", "machine", "Hyper-V", "migration",
        "live", "snapshot", "checkpoint", "replica", "DNS", "address", "APIPA", "duplicate", "memory", "reserve",
        "capacity", "service", "process", "worker", "state", "saved", "running", "offline", "online", "pending",
        "event", "log", "backup", "volume", "GUID", "owner", "group", "resource", "dependency", "timeout", "restart",
    ];

    private static readonly string[] Chinese =
    [
        "集群", "节点", "故障切换", "仲裁", "见证", "心跳", "网络", "存储", "虚拟机", "迁移", "快照", "副本", "地址",
        "内存", "预留", "服务", "进程", "状态", "保存", "运行", "离线", "日志", "备份", "卷", "驱动", "固件", "补丁",
    ];

    private static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    public static IReadOnlyList<Runbook> Create(int count)
    {
        var random = new Random(20261125);
        var files = Enumerable.Range(1, count).Select(i => ($"/generated/gen-{i:D5}.md", (string?)Article(i, random))).ToList();
        var result = RunbookLoader.Load(files);
        if (result.Problems.Count > 0)
        {
            throw new InvalidOperationException("generated article invalid: " + result.Problems[0]);
        }

        return result.Runbooks;
    }

    private static string Article(int number, Random random)
    {
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => English[random.Next(English.Length)]));
        string Zh(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => Chinese[random.Next(Chinese.Length)]));
        var title = $"{Words(5)} {number}";
        var text = new StringBuilder()
            .Append("---\n")
            .Append($"id: gen-{number:D5}\n")
            .Append($"title: {title}\n")
            .Append($"summary: {Words(18)}.\n")
            .Append($"severity: {Severities[random.Next(Severities.Length)]}\n")
            .Append("applies_to: [Windows Server 2012 R2]\n")
            .Append($"keywords: [{Words(2)}, {Words(2)}, {Zh(2)}, {Zh(3)}]\n")
            .Append($"symptoms: [\"{Words(8)}\", \"{Zh(4)}\"]\n")
            .Append($"errors: [\"{Words(4)}\"]\n")
            .Append($"events: [{{ log: System, provider: Microsoft-Windows-FailoverClustering, id: {1000 + random.Next(9000)}, level: Error, versions: [\"2022\"] }}]\n")
            .Append($"hotfixes: [KB{900000 + random.Next(99999)}]\n")
            .Append("checks: []\nactions: []\nrelated: []\n---\n\n")
            .Append($"# {title}\n\n");
        foreach (var section in new[] { "Symptoms", "Cause", "Diagnose", "Fix", "Prevent", "References" })
        {
            text.Append($"## {section}\n\n");
            text.Append($"{Words(40)}. {Zh(12)}。 {Words(30)}.\n\n");
            if (section is "Fix" or "Diagnose")
            {
                for (var step = 1; step <= 4; step++)
                {
                    text.Append($"{step}. {Words(12)}.\n");
                }

                text.Append("\n```powershell\nGet-ClusterNode | Format-Table Name, State\n```\n\n");
            }
        }

        return text.ToString();
    }
}
