using System.Management.Automation.Runspaces;
using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// The fakes' errors behave as a compiled cmdlet's do (FakeData.ps1, Write-FakeError): called from a
/// module whose <c>$ErrorActionPreference</c> is Stop, a compiled cmdlet's non-terminating error ends
/// the caller's statement, and so must the fake's. Compared, case by case, with Get-Item, a compiled
/// cmdlet of PowerShell itself, on a path that does not exist (about_Preference_Variables,
/// about_CommonParameters).
/// </summary>
public sealed class FakeErrorBehaviourTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "Stop", string.Empty },
        { "Continue", string.Empty },
        { "SilentlyContinue", string.Empty },
        { "Ignore", string.Empty },
        { "Stop", "SilentlyContinue" },
        { "Stop", "Ignore" },
        { "Continue", "Stop" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FakeError_CallerPreferenceAndErrorAction_SameOutcomeAsACompiledCmdlet(string preference, string errorAction)
    {
        var compiled = Run("Get-Item -LiteralPath '/no/such/path/for/chatops'", preference, errorAction);
        var fake = Run("Get-FakeMissing", preference, errorAction);

        Assert.Equal(compiled, fake);
    }

    [Fact]
    public void FakeError_ModuleUnderStop_EndsTheCallersStatement()
    {
        // The case every partial-failure bug hid behind: a script-function fake in another module used to carry on.
        Assert.Equal(("caught", 0), Run("Get-FakeMissing", "Stop", string.Empty));
    }

    /// <summary>What the caller saw: whether its try/catch caught the error, and how many errors reached the error stream.</summary>
    private static (string Outcome, int Errors) Run(string command, string preference, string errorAction)
    {
        var fakeData = Path.Combine(Pwsh.FakesFolder, "FakeData.ps1").Replace("'", "''", StringComparison.Ordinal);
        var call = errorAction.Length == 0 ? command : $"{command} -ErrorAction {errorAction}";
        var script = $$"""
            $null = New-Module -Name FakeCompiled -ScriptBlock {
                . '{{fakeData}}'
                function Get-FakeMissing {
                    [CmdletBinding()] param()
                    $exception = [System.Management.Automation.ItemNotFoundException]::new('missing')
                    Write-FakeError -Cmdlet $PSCmdlet -Record (New-FakeErrorRecord -Exception $exception -ErrorId 'PathNotFound' -Category ObjectNotFound)
                }
                Export-ModuleMember -Function Get-FakeMissing
            } | Import-Module -PassThru
            $null = New-Module -Name Caller -ScriptBlock {
                $ErrorActionPreference = '{{preference}}'
                function Test-Caller { try { {{call}}; 'continued' } catch { 'caught' } }
            } | Import-Module -PassThru
            Test-Caller
            """;
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace).AddScript(script);
        var output = shell.Invoke().Select(o => o.BaseObject as string).OfType<string>().ToList();
        return (output.LastOrDefault() ?? "nothing", shell.Streams.Error.Count);
    }
}
