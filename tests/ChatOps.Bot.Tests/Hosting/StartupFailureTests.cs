using ChatOps.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Hosting;

public sealed class StartupFailureTests
{
    [Fact]
    public void Describe_SameValidationFailureReportedTwice_OneLine()
    {
        // What host start-up throws when two validators read one bad setting (seen with a missing lab file).
        var failure = new OptionsValidationException("ClusterOptions", typeof(object), ["ChatOps:Cluster:LabFile 'x.yaml' does not exist."]);

        var line = StartupFailure.Describe(new AggregateException(failure, failure));

        Assert.Equal("Configuration error: ChatOps:Cluster:LabFile 'x.yaml' does not exist.", line);
    }

    [Fact]
    public void Describe_AggregateWithABug_NotDescribed()
    {
        var failure = new OptionsValidationException("ClusterOptions", typeof(object), ["bad"]);

        Assert.Null(StartupFailure.Describe(new AggregateException(failure, new NullReferenceException())));
    }
}
