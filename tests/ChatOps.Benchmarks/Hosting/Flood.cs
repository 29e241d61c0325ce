using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Clusters.Fakes;

namespace ChatOps.Benchmarks.Hosting;

/// <summary>
/// <c>-- flood [threads] [messages] [KB] [path/to/ChatOps.Bot.dll]</c>: two floods from one reader, each
/// against the bot started as its own process (Development, the lab, a loopback fake connector):
/// <list type="bullet">
/// <item>Memory: <c>messages</c> messages of <c>KB</c> kilobytes into each of <c>threads</c> channel
/// threads at once (each thread posts its next as soon as the last was answered, 200 or 503); the
/// process's resident memory is read from <c>/proc</c> at rest before, at its peak (<c>VmHWM</c>) and after
/// every accepted message was replied to. Defaults 30 x 50 x 450 KB; target: peak under 400 MB.</item>
/// <item>Latency: with every node answering in 1 s, 50 <c>cluster</c> into each of 40 threads, then an admin
/// asks <c>kill clussvc HV04</c> in the first of them and confirms it: the time to the confirmation card and
/// from Confirm to the result, beside the same without the flood, in fresh processes (three each). Target:
/// the medians within 1.5 times.</item>
/// </list>
/// Teams' send limits stay as configured by default. Exits 1 when a target is missed.
/// </summary>
internal static class Flood
{
    public const string Mode = "flood";

    private const long PeakTargetBytes = 400L * 1024 * 1024;
    private const double LatencyRatioTarget = 1.5;
    private const int LatencyThreads = 40;
    private const int Trials = 3;
    private const string Admin = "00000000-0000-0000-0000-0000000ad000";
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(TextWriter output, string[] args)
    {
        var threads = args.ElementAtOrDefault(0) is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 30;
        var each = args.ElementAtOrDefault(1) is { } e ? int.Parse(e, CultureInfo.InvariantCulture) : 50;
        var kilobytes = args.ElementAtOrDefault(2) is { } k ? int.Parse(k, CultureInfo.InvariantCulture) : 450;
        var dll = Path.GetFullPath(args.ElementAtOrDefault(3) ?? Path.Combine(RepositoryFiles.Root, "src/ChatOps.Bot/bin/Release/net10.0/ChatOps.Bot.dll"));
        if (!File.Exists(dll))
        {
            output.WriteLine($"{dll} not found: build it first (dotnet build -c Release) or pass a published ChatOps.Bot.dll.");
            return 2;
        }

        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("The flood reads the bot's memory from /proc: run it on Linux.");
            return 2;
        }

        output.WriteLine($"{dll}, {Environment.ProcessorCount} cores");
        var memoryMet = await MemoryAsync(output, dll, threads, each, kilobytes);
        var latencyMet = await LatencyAsync(output, dll, each);
        return memoryMet && latencyMet ? 0 : 1;
    }

    private static async Task<bool> MemoryAsync(TextWriter output, string dll, int threads, int each, int kilobytes)
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(dll, new Dictionary<string, string?>());
        var warm = connector.Expect("warm-up");
        await bot.PostAsync(Message("warm-up", "19:flood-warm@thread.tacv2", Reader, "whoami", connector.ServiceUrl));
        await warm.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        var atRest = bot.Memory("VmRSS");

        var text = "cluster " + new string('x', (kilobytes * 1024) - 8);
        var answers = new ConcurrentDictionary<HttpStatusCode, int>();
        var replies = new ConcurrentBag<Task<LoopbackConnector.Call>>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var id = $"flood-{thread}-{i}";
                var replied = connector.Expect(id);
                var (status, _) = await bot.PostAsync(Message(id, $"19:flood-{thread}@thread.tacv2", Reader, text, connector.ServiceUrl));
                answers.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status == HttpStatusCode.OK)
                {
                    replies.Add(replied);
                }
            }
        })));
        var posted = clock.Elapsed;
        await Task.WhenAll(replies).WaitAsync(GiveUp);
        var worked = clock.Elapsed;
        await Task.Delay(1000);

        var peak = bot.Memory("VmHWM");
        output.WriteLine($"Memory: {threads} threads x {each} messages of {kilobytes} KB from one reader");
        output.WriteLine("  answers: " + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key} x {a.Value}")));
        output.WriteLine(Invariant($"  all posted in {posted.TotalSeconds:F1} s; every accepted message replied to after {worked.TotalSeconds:F1} s"));
        output.WriteLine(Invariant($"  RSS at rest {Mb(atRest)} MB, peak {Mb(peak)} MB, after {Mb(bot.Memory("VmRSS"))} MB (target: peak under {Mb(PeakTargetBytes)} MB)"));
        return peak < PeakTargetBytes;
    }

    private static async Task<bool> LatencyAsync(TextWriter output, string dll, int each)
    {
        var lab = Path.Combine(Path.GetTempPath(), $"chatops-flood-lab-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(lab, SlowLab(TimeSpan.FromSeconds(1)));
        try
        {
            var quiet = new List<(double Card, double Action)>();
            var flooded = new List<(double Card, double Action)>();
            for (var trial = 0; trial < Trials; trial++)
            {
                quiet.Add(await AdminOnceAsync(dll, lab, flood: 0));
                flooded.Add(await AdminOnceAsync(dll, lab, flood: each));
            }

            var cardRatio = Median(flooded, r => r.Card) / Median(quiet, r => r.Card);
            var actionRatio = Median(flooded, r => r.Action) / Median(quiet, r => r.Action);
            output.WriteLine($"Latency: nodes answer in 1 s; a reader's {each} `cluster` in each of {LatencyThreads} threads; an admin's `kill clussvc HV04` in the first thread, {Trials} fresh processes each");
            output.WriteLine(Invariant($"  card:    quiet {Seconds(quiet, r => r.Card)}; flooded {Seconds(flooded, r => r.Card)}; median ratio {cardRatio:F2}"));
            output.WriteLine(Invariant($"  Confirm to result: quiet {Seconds(quiet, r => r.Action)}; flooded {Seconds(flooded, r => r.Action)}; median ratio {actionRatio:F2} (target: both at most {LatencyRatioTarget})"));
            return cardRatio <= LatencyRatioTarget && actionRatio <= LatencyRatioTarget;
        }
        finally
        {
            File.Delete(lab);
        }
    }

    /// <summary>One admin asks and confirms in a fresh process, after a reader queued <paramref name="flood"/> messages in each thread.</summary>
    private static async Task<(double Card, double Action)> AdminOnceAsync(string dll, string lab, int flood)
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(dll, new Dictionary<string, string?>
        {
            ["ChatOps__Cluster__LabFile"] = lab,
            ["ChatOps__Access__Admins__0"] = Admin,
        });
        var thread = "19:flood-0@thread.tacv2";
        var warm = connector.Expect("warm-up");
        await bot.PostAsync(Message("warm-up", "19:flood-warm@thread.tacv2", Reader, "whoami", connector.ServiceUrl));
        await warm.WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < flood; i++)
        {
            await Task.WhenAll(Enumerable.Range(0, LatencyThreads).Select(async n =>
            {
                var (status, _) = await bot.PostAsync(Message($"flood-{n}-{i}", $"19:flood-{n}@thread.tacv2", Reader, "cluster", connector.ServiceUrl));
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"the flood's message was answered {(int)status}");
                }
            }));
        }

        var clock = Stopwatch.StartNew();
        var asked = connector.Expect("admin-ask");
        await bot.PostAsync(Message("admin-ask", thread, AdminAccount, "kill clussvc HV04", connector.ServiceUrl));
        var card = await asked.WaitAsync(GiveUp);
        var cardTime = clock.Elapsed.TotalMilliseconds;
        if (!card.Text.Contains("Stop the cluster service on HV04", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the first reply was not the confirmation card: {card.Text[..Math.Min(300, card.Text.Length)]}");
        }

        if (cardTime < 1000)
        {
            throw new InvalidOperationException($"the card came in {cardTime:F0} ms: the lab's 1 s latency was not applied");
        }

        // The card everyone sees shows the requester their own view with the buttons (a refresh), as Teams does.
        var pendingId = JsonNode.Parse(card.Text)!["attachments"]![0]!["content"]!["refresh"]!["action"]!["data"]!["pendingId"]!.GetValue<string>();
        var (_, view) = await bot.PostAsync(Invoke("refresh", new JsonObject { ["verb"] = "refresh", ["pendingId"] = pendingId }, thread, card.ActivityId, connector.ServiceUrl, "automatic"));
        var data = JsonNode.Parse(view)!["value"]!["actions"]!.AsArray().Select(a => a?["data"]).First(d => d?["verb"]?.GetValue<string>() == "confirm")!;

        clock.Restart();
        var (status, answer) = await bot.PostAsync(Invoke("confirm", data.DeepClone().AsObject(), thread, card.ActivityId, connector.ServiceUrl, "manual"));
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Confirm was answered {(int)status}: {answer}");
        }

        if (answer.Contains("this card shows the result when it finishes", StringComparison.Ordinal))
        {
            // Slower than the invoke may wait: the result replaces the "Running…" card.
            await connector.UpdateAsync(card.ActivityId).WaitAsync(GiveUp);
        }

        return (cardTime, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The default lab with every node answering after <paramref name="latency"/>.</summary>
    private static string SlowLab(TimeSpan latency)
    {
        using var stream = typeof(ChatOps.Clusters.Lab.ILabCluster).Assembly.GetManifestResourceStream("ChatOps.Clusters.Lab.default-lab.yaml")!;
        var yaml = new StreamReader(stream).ReadToEnd();
        var fault = Invariant($"fault: {{ latencyMs: {latency.TotalMilliseconds:F0} }}");
        yaml = Regex.Replace(yaml, @"^  - \{ name: (HV\d+),", m => $"  - {{ name: {m.Groups[1].Value}, {fault},", RegexOptions.Multiline);
        return Regex.Replace(yaml, @"^  - name: (HV\d+)\n", m => $"{m.Value}    {fault}\n", RegexOptions.Multiline);
    }

    private static readonly JsonObject Reader = new() { ["id"] = "29:flood-reader", ["name"] = "Flood Reader", ["aadObjectId"] = "00000000-0000-0000-0000-00000000f100" };

    private static readonly JsonObject AdminAccount = new() { ["id"] = "29:flood-admin", ["name"] = "Flood Admin", ["aadObjectId"] = Admin };

    private static string Message(string id, string conversation, JsonObject from, string text, string serviceUrl) => Activity(new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["text"] = text,
    }, conversation, from, serviceUrl);

    private static string Invoke(string verb, JsonObject data, string conversation, string cardId, string serviceUrl, string trigger) => Activity(new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["replyToId"] = cardId,
        ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = trigger },
    }, conversation, AdminAccount, serviceUrl);

    private static string Activity(JsonObject activity, string conversation, JsonObject from, string serviceUrl)
    {
        activity["serviceUrl"] = serviceUrl;
        activity["channelId"] = "msteams";
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        activity["from"] = from.DeepClone();
        activity["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
        activity["recipient"] = new JsonObject { ["id"] = "28:chatops-bot", ["name"] = "ChatOps" };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } };
        return activity.ToJsonString();
    }

    private static double Median(List<(double Card, double Action)> runs, Func<(double Card, double Action), double> of) => runs.Select(of).Order().ElementAt(runs.Count / 2);

    private static string Seconds(List<(double Card, double Action)> runs, Func<(double Card, double Action), double> of) =>
        string.Join(", ", runs.Select(r => Invariant($"{of(r) / 1000:F2} s")));

    private static string Mb(long bytes) => Invariant($"{bytes / 1024.0 / 1024:F0}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The bot, started from its dll as a process of its own, with its state in a folder of its own.</summary>
    private sealed class BotProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _data;
        private readonly HttpClient _http;

        private BotProcess(Process process, string data, string url)
        {
            _process = process;
            _data = data;
            _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        }

        public static async Task<BotProcess> StartAsync(string dll, IDictionary<string, string?> settings)
        {
            var data = Directory.CreateTempSubdirectory("chatops-flood-").FullName;
            var url = $"http://127.0.0.1:{ColdStart.FreePort()}";
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { dll },
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["Urls"] = url,
                    ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
                    ["ChatOps__Knowledge__WatchForChanges"] = "false",
                    ["Logging__LogLevel__Default"] = "Warning",
                },
            };
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var bot = new BotProcess(process, data, url);
            await ColdStart.WaitReadyAsync(bot._http, new Uri(url + "/readyz"), process, TimeSpan.FromSeconds(60));
            return bot;
        }

        public async Task<(HttpStatusCode Status, string Body)> PostAsync(string activity)
        {
            using var content = new StringContent(activity, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>A figure from <c>/proc/&lt;pid&gt;/status</c> (kB there), in bytes.</summary>
        public long Memory(string field)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
            Directory.Delete(_data, recursive: true);
        }
    }
}
