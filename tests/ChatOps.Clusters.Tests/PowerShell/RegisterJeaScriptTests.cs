using System.Management.Automation.Language;
using System.Text.RegularExpressions;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>deploy/jea/Register-ChatOpsJea.ps1: the run-as account, the module's ACL and the transcript rotation it installs.</summary>
public sealed class RegisterJeaScriptTests : IDisposable
{
    private readonly DeployScript _script = DeployScript.Load("jea", "Register-ChatOpsJea.ps1");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chatops-transcripts-{Guid.NewGuid():N}", "it's here");

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(@"CONTOSO\gmsa-jea$")]
    [InlineData(@"CONTOSO\gmsa-jea")]
    public void GmsaName_WithOrWithoutTrailingDollar_AcceptedAndPassedOnWithout(string given)
    {
        // Issue 20 item 7: Register-PSSessionConfiguration appends '$' itself (CustomShellCommands.cs,
        // CreateGMSAAccountCredentials), so 'name$' made the endpoint run as 'name$$'.
        var pattern = PatternOf(_script.Parameter("GroupManagedServiceAccount"));
        using var runspace = _script.OpenWithFunctions("ConvertTo-GmsaRunAsName");
        using var shell = System.Management.Automation.PowerShell.Create(runspace).AddCommand("ConvertTo-GmsaRunAsName").AddArgument(given);

        Assert.Matches(new Regex(pattern, RegexOptions.IgnoreCase), given);
        Assert.Equal(@"CONTOSO\gmsa-jea", Assert.Single(shell.Invoke()).BaseObject);
    }

    [Fact]
    public void GmsaName_WrittenIntoTheSessionConfiguration_IsTheNormalisedName()
    {
        var assignment = _script.FindAll<AssignmentStatementAst>()
            .Single(a => a.Left.Extent.Text == "$settings.GroupManagedServiceAccount");
        var command = Assert.IsType<CommandAst>(((PipelineAst)assignment.Right).PipelineElements.Single());

        Assert.Equal("ConvertTo-GmsaRunAsName", command.GetCommandName());
        Assert.DoesNotMatch(@"GroupManagedServiceAccount\s*=\s*'[^']*\$'", File.ReadAllText(JeaRunspacePoolFactory.SessionConfigurationFile));
    }

    [Fact]
    public void ModuleAcl_AdministratorsFullControl_SystemAndUsersReadAndExecuteOnly()
    {
        // role-capabilities.md: "ensure Local System has read-only access to the role capability files and containing modules".
        var rights = RightsTable("moduleRights");

        Assert.Equal(
            new Dictionary<string, string>
            {
                [@"BUILTIN\Administrators"] = "FullControl",
                [@"NT AUTHORITY\SYSTEM"] = "ReadAndExecute",
                [@"BUILTIN\Users"] = "ReadAndExecute",
            },
            rights);
        Assert.Contains(_script.Commands("Set-ProtectedAcl"), c => c.Extent.Text == "Set-ProtectedAcl $moduleRoot $moduleRights");
    }

    [Fact]
    public void TranscriptAcl_SystemAndAdministratorsOnly()
    {
        Assert.Equal(
            new Dictionary<string, string> { [@"NT AUTHORITY\SYSTEM"] = "FullControl", [@"BUILTIN\Administrators"] = "FullControl" },
            RightsTable("transcriptRights"));
        Assert.Contains(_script.Commands("Set-ProtectedAcl"), c => c.Extent.Text == "Set-ProtectedAcl $transcripts $transcriptRights");
    }

    [Fact]
    public void TranscriptRotation_RegisteredDailyAsSystem_ReplacedOnEveryRun_WithTheRetentionParameter()
    {
        var retention = _script.Parameter("TranscriptRetentionDays");
        var register = Assert.Single(_script.Commands("Register-ScheduledTask"));
        var action = Assert.Single(_script.Commands("New-ScheduledTaskAction"));

        Assert.Equal("30", retention.DefaultValue?.Extent.Text);
        Assert.Equal(typeof(int), retention.StaticType);
        Assert.Contains(retention.Attributes, a => a.TypeName.Name == "ValidateRange");
        Assert.Contains("-Force", register.Extent.Text, StringComparison.Ordinal);
        Assert.Contains("Get-TranscriptRotationCommand $transcripts $TranscriptRetentionDays", action.Extent.Text, StringComparison.Ordinal);
        Assert.Contains("powershell.exe", _script.Ast.Extent.Text, StringComparison.Ordinal);
        Assert.Contains(@"-UserId 'NT AUTHORITY\SYSTEM'", Assert.Single(_script.Commands("New-ScheduledTaskPrincipal")).Extent.Text, StringComparison.Ordinal);
        Assert.Contains("-Daily", Assert.Single(_script.Commands("New-ScheduledTaskTrigger")).Extent.Text, StringComparison.Ordinal);
        Assert.Contains("-TranscriptRetentionDays (default 30)", Help(), StringComparison.Ordinal);
    }

    [Fact]
    public void TranscriptRotationCommand_Run_DeletesTranscriptsPastTheRetentionOnly()
    {
        Directory.CreateDirectory(_folder);
        var old = Transcript("PowerShell_transcript.HV01.aBcD.20240101000000.txt", TimeSpan.FromDays(31));
        var recent = Transcript("PowerShell_transcript.HV01.eFgH.20240201000000.txt", TimeSpan.FromDays(29));
        var other = Transcript("notes.txt", TimeSpan.FromDays(400));
        using var runspace = _script.OpenWithFunctions("Get-TranscriptRotationCommand");
        using var build = System.Management.Automation.PowerShell.Create(runspace).AddCommand("Get-TranscriptRotationCommand").AddArgument(_folder).AddArgument(30);
        var command = (string)Assert.Single(build.Invoke()).BaseObject;

        using var run = System.Management.Automation.PowerShell.Create(runspace).AddScript(command);
        run.Invoke();

        Assert.DoesNotContain("\"", command, StringComparison.Ordinal);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other));
    }

    private string Transcript(string name, TimeSpan age)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "transcript");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    private Dictionary<string, string> RightsTable(string variable)
    {
        var assignment = _script.FindAll<AssignmentStatementAst>().Single(a => a.Left.Extent.Text == "$" + variable);
        var table = (HashtableAst)((CommandExpressionAst)assignment.Right).Expression;
        return table.KeyValuePairs.ToDictionary(p => (string)((StringConstantExpressionAst)p.Item1).Value, p => p.Item2.Extent.Text.Trim('\''));
    }

    private string Help()
    {
        var text = _script.Ast.Extent.Text;
        return text[..text.IndexOf("[CmdletBinding", StringComparison.Ordinal)];
    }

    private static string PatternOf(ParameterAst parameter) =>
        (string)((StringConstantExpressionAst)parameter.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidatePattern").PositionalArguments.Single()).Value;
}
