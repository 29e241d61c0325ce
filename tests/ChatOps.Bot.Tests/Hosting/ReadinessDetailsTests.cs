using System.Net;
using ChatOps.Bot.Hosting;

namespace ChatOps.Bot.Tests.Hosting;

public sealed class ReadinessDetailsTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.1.0.20", false)]
    [InlineData("52.112.0.1", false)]
    [InlineData("::ffff:10.1.0.20", false)]
    public void SeesReadinessDetails_ByCaller_OnlyThisMachine(string address, bool expected) =>
        Assert.Equal(expected, TeamsEndpointExtensions.SeesReadinessDetails(IPAddress.Parse(address)));
}
