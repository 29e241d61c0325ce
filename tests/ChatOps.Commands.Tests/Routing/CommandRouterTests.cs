using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Commands.Tests.Routing;

public sealed class CommandRouterTests
{
    [Theory]
    [InlineData("vms list NODE1", "vms list|node=NODE1|")]
    [InlineData("VMS LIST node1", "vms list|node=node1|")]
    [InlineData("vl NODE1", "vms list|node=NODE1|")]
    [InlineData("vms list NODE1 a b c", "vms list|node=NODE1;words=a b c|")]
    [InlineData("vms list \"NODE 1\" 'x y'", "vms list|node=NODE 1;words=x y|")]
    [InlineData("vms list “NODE 1”", "vms list|node=NODE 1|")]
    [InlineData("vms list NODE1 --state Running", "vms list|node=NODE1|state=Running")]
    [InlineData("vms list NODE1 --state=Saved --all", "vms list|node=NODE1|all=on;state=Saved")]
    [InlineData("vms list NODE1 —all", "vms list|node=NODE1|all=on")]
    [InlineData("  vms   list\tNODE1\n", "vms list|node=NODE1|")]
    [InlineData("ｖｍｓ ｌｉｓｔ NODE1", "vms list|node=NODE1|")]
    [InlineData("vms list 节点一 状态", "vms list|node=节点一;words=状态|")]
    public async Task DispatchAsync_ValidInput_ParsesArgumentsAndFlags(string text, string expected)
    {
        var reply = await RouterFixture.Create().AskAsync(text);

        Assert.Equal(ReplyOutcome.Ok, reply.Outcome);
        Assert.Equal(expected, reply.Visible().Trim());
    }

    [Theory]
    [InlineData("", "empty message")]
    [InlineData("   \t ", "empty message")]
    [InlineData("help\u0000", "control character (U+0000)")]
    [InlineData("help \u001b[31m", "control character (U+001B)")]
    [InlineData("hlep", "Did you mean `help`?")]
    [InlineData("vms lsit NODE1", "Did you mean `vms list`?")]
    [InlineData("frobnicate", "Type `help` to see the commands.")]
    [InlineData("重复 IP", "kb search 重复 IP")]
    [InlineData("vms list", "needs `<node>`")]
    [InlineData("vms list NODE1 --stat Running", "Did you mean `--state`?")]
    [InlineData("vms list NODE1 --state", "`--state` needs a value")]
    [InlineData("vms list NODE1 --all=yes", "takes no value")]
    [InlineData("whoami extra", "does not take `extra`")]
    [InlineData("help \"open", "never closed")]
    [InlineData("help nosuch", "There is no command `nosuch`")]
    public async Task DispatchAsync_BadInput_FailsWithAClearAnswer(string text, string expected)
    {
        var reply = await RouterFixture.Create().AskAsync(text);

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains(expected, reply.Visible(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hlep", "help")]
    [InlineData("vms lsit NODE1 --state Running", "vms list NODE1 --state Running")]
    [InlineData("vms lsit \"NODE 1\"", "vms list \"NODE 1\"")]
    public async Task DispatchAsync_Typo_OffersAButtonThatRunsTheSuggestion(string text, string command)
    {
        var reply = await RouterFixture.Create().AskAsync(text);

        var button = Assert.Single(reply.Buttons);
        Assert.Equal(command, button.Command);
        Assert.Equal($"Run {command}", button.Title);
    }

    [Fact]
    public async Task DispatchAsync_NothingClose_NoButton()
    {
        var reply = await RouterFixture.Create().AskAsync("frobnicate");

        Assert.Empty(reply.Buttons);
    }

    [Fact]
    public async Task DispatchAsync_TenKilobytes_RefusedWithoutEcho()
    {
        var reply = await RouterFixture.Create().AskAsync(new string('a', 10 * 1024));

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains("10,240 characters", reply.Visible(), StringComparison.Ordinal);
        Assert.True(reply.Visible().Length < 500);
    }

    [Fact]
    public async Task DispatchAsync_UsageOnParseError_ShowsUsageLine()
    {
        var reply = await RouterFixture.Create().AskAsync("vms list");

        Assert.Contains("Usage: `vms list <node> [words...] [--state S] [--all]`", reply.Visible(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false, "needs the admin role; you are reader")]
    [InlineData("user-1", null, false, null)]
    [InlineData(null, "user-1", false, "needs the admin role; you are operator")]
    [InlineData(null, null, true, null)]
    public async Task DispatchAsync_RoleCheck_AllowsOnlyEnoughRole(string? admin, string? operatorId, bool local, string? refusal)
    {
        var settings = new Dictionary<string, string?>();
        if (admin is not null)
        {
            settings["ChatOps:Access:Admins:0"] = admin;
        }

        if (operatorId is not null)
        {
            settings["ChatOps:Access:Operators:0"] = operatorId;
        }

        var context = RouterFixture.Teams() with { Caller = new Caller("29:user-1", "Pat", "USER-1", IsLocalUser: local) };
        var reply = await RouterFixture.Create(settings).AskAsync("kill thing", context);

        if (refusal is null)
        {
            Assert.Equal(ReplyOutcome.Ok, reply.Outcome);
        }
        else
        {
            Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
            Assert.Contains(refusal, reply.Visible(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DispatchAsync_AccessCheckThrows_Denies()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.AddCommands();
        builder.Services.AddSingleton<IAuditLog, Fakes.MemoryAuditLog>();
        builder.Services.AddSingleton<IAccessPolicy, ThrowingPolicy>();
        var router = builder.Build().Services.GetRequiredService<CommandRouter>();

        var reply = await router.AskAsync("whoami");

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains("denied", reply.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ForReader_HidesAdminCommands()
    {
        var reply = await RouterFixture.Create().AskAsync("help");

        Assert.Contains("vms list", reply.Visible(), StringComparison.Ordinal);
        Assert.DoesNotContain("kill thing", reply.Visible(), StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* more command\(s\) need a higher role", reply.Visible());
    }

    [Fact]
    public async Task Help_WithCommand_ShowsUsageFlagsAndExamples()
    {
        var reply = await RouterFixture.Create().AskAsync("help vms list");

        Assert.Equal("vms list", reply.Heading);
        Assert.Contains("--state <value>", reply.Visible(), StringComparison.Ordinal);
        Assert.Contains("Aliases=vl", reply.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ChineseAlias_ListsCommands()
    {
        var reply = await RouterFixture.Create().AskAsync("帮助");

        Assert.Equal("Commands", reply.Heading);
    }

    private sealed class ThrowingPolicy : IAccessPolicy
    {
        public Role RoleOf(Caller caller) => throw new InvalidOperationException("directory unavailable");
    }
}
