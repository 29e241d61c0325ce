using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Tests.Fakes;

/// <summary>Fixed options, as a monitor.</summary>
internal sealed class OptionsMonitorStub<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
