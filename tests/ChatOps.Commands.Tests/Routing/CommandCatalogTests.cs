using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Tests.Routing;

public sealed class CommandCatalogTests
{
    private static CommandRegistration Registration(string name, params string[] aliases) =>
        new(new CommandDefinition { Name = name, Aliases = aliases, Summary = "s", Usage = name }, typeof(RouterFixture.EchoHandler));

    [Theory]
    [InlineData("status", "status", "")]
    [InlineData("status", "STATUS", "")]
    [InlineData("kb search", "kb", "kb")]
    public void Constructor_DuplicateNameOrAlias_Throws(string first, string second, string firstAlias)
    {
        var registrations = new[]
        {
            Registration(first, firstAlias.Length > 0 ? [firstAlias] : []),
            Registration(second),
        };

        var ex = Assert.Throws<InvalidOperationException>(() => new CommandCatalog(registrations));
        Assert.Contains("registered twice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("three word name")]
    [InlineData("two  spaces")]
    [InlineData("")]
    public void Constructor_BadName_Throws(string name)
    {
        Assert.Throws<InvalidOperationException>(() => new CommandCatalog([Registration(name)]));
    }

    [Fact]
    public void Match_TwoWordName_WinsOverOneWord()
    {
        var catalog = new CommandCatalog([Registration("kb"), Registration("kb search")]);

        var (registration, used) = catalog.Match(["kb", "search", "quorum"]);

        Assert.Equal("kb search", registration!.Definition.Name);
        Assert.Equal(2, used);
    }
}
