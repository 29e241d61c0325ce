using System.Reflection;
using System.Text.RegularExpressions;
using ChatOps.Bot.Teams;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Routing;

namespace ChatOps.Bot.Tests.Architecture;

/// <summary>
/// The shape the press path must keep: the Bot reaches the pending-action lifecycle only through
/// <see cref="CommandRouter"/>, the wire keys of a card's buttons are spelled once, and no source
/// file grows past 300 lines. Each test names what broke it.
/// </summary>
public sealed partial class OneRoadTests
{
    private const string Lifecycle = "ChatOps.Commands.Actions.Lifecycle";

    [Fact]
    public void NoBotType_DependsOnThePendingActionLifecycle_ExceptThroughTheRouter()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(ChatOpsBot).Assembly.GetTypes())
        {
            foreach (var (what, used) in Dependencies(type))
            {
                var storagePort = used == typeof(IPendingActions) && type.Namespace?.StartsWith("ChatOps.Bot.Storage", StringComparison.Ordinal) == true;
                if (used.Namespace == Lifecycle || used == typeof(ISafeAction) || (used == typeof(IPendingActions) && !storagePort))
                {
                    offenders.Add($"{type.FullName} {what} {used.Name}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Bot types that reach the lifecycle around CommandRouter:\n" + string.Join('\n', offenders));
        Assert.Contains(Dependencies(typeof(ChatOpsBot)), d => d.Used == typeof(CommandRouter));
    }

    [Fact]
    public void TheWireKeysOfCardButtons_AreWrittenOnlyInCardWire()
    {
        var offenders = SourceFiles()
            .Where(f => !f.EndsWith("CardWire.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(l => WireLiteral().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Root, l.f)}:{l.i + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Wire keys or verbs spelled outside CardWire:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void NoSourceFile_IsOver300Lines()
    {
        var long_ = SourceFiles().Select(f => (f, File.ReadLines(f).Count())).Where(x => x.Item2 > 300).Select(x => $"{Path.GetRelativePath(Root, x.f)}: {x.Item2} lines").ToList();

        Assert.True(long_.Count == 0, "Source files over 300 lines:\n" + string.Join('\n', long_));
    }

    /// <summary>Every type a type's fields, properties, constructors and methods name (generic arguments unwrapped).</summary>
    private static IEnumerable<(string What, Type Used)> Dependencies(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var named = type.GetFields(all).Select(f => ("field", f.FieldType))
            .Concat(type.GetProperties(all).Select(p => ("property", p.PropertyType)))
            .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => ("constructor", p.ParameterType)))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)).Select(t => ("method", t)));
        return named.SelectMany(n => Unwrap(n.Item2).Select(t => (n.Item1, t)));
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type.GetGenericTypeDefinition()) : [type];
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatOps.sln not found above the test output.");
    }

    /// <summary>A quoted wire key of a card button: <c>"pendingId"</c>, <c>"nonce"</c>, or a quoted verb given as a key's value.</summary>
    [GeneratedRegex("\"(pendingId|nonce)\"|\\[\"verb\"\\]|\"verb\"\\]")]
    private static partial Regex WireLiteral();
}
