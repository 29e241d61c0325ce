using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// A shipped deploy script read by PowerShell's own parser, and its helper functions run on their own in
/// hosted PowerShell (the scripts themselves need Windows: WinRM, ACLs, Task Scheduler).
/// </summary>
internal sealed class DeployScript
{
    private DeployScript(string relativePath)
    {
        RelativePath = relativePath;
        Ast = Parser.ParseFile(Path.Combine(RepositoryFiles.Root, relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, $"{relativePath} does not parse: {string.Join("; ", errors.Select(e => e.Message))}");
    }

    public string RelativePath { get; }

    public ScriptBlockAst Ast { get; }

    public static DeployScript Load(params string[] path) => new(Path.Combine(["deploy", .. path]));

    public IEnumerable<T> FindAll<T>()
        where T : Ast => Ast.FindAll(a => a is T, true).Cast<T>();

    public FunctionDefinitionAst Function(string name) =>
        FindAll<FunctionDefinitionAst>().SingleOrDefault(f => f.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"{RelativePath} has no function {name}");

    public IEnumerable<CommandAst> Commands(string name) =>
        FindAll<CommandAst>().Where(c => string.Equals(c.GetCommandName(), name, StringComparison.OrdinalIgnoreCase));

    public ParameterAst Parameter(string name) =>
        Ast.ParamBlock?.Parameters.SingleOrDefault(p => string.Equals(p.Name.VariablePath.UserPath, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Xunit.Sdk.XunitException($"{RelativePath} has no parameter -{name}");

    /// <summary>A runspace with the named functions defined exactly as the script defines them, under the scripts' StrictMode.</summary>
    public Runspace OpenWithFunctions(params string[] names)
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace);
        shell.AddScript("Set-StrictMode -Version 3.0; $ErrorActionPreference = 'Stop'").AddStatement();
        foreach (var name in names)
        {
            shell.AddScript(Function(name).Extent.Text, useLocalScope: false).AddStatement();
        }

        shell.Invoke();
        return runspace;
    }
}
