using Microsoft.Extensions.Options;

namespace ChatOps.Knowledge.Hosting;

/// <summary>Stops start-up when the folder is unusable, naming the key.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{KnowledgeOptions.Section}:Path is not set and no kb/ folder was found next to ChatOps.sln above the application folder; set it to the runbook folder.");
        }
        else if (!Directory.Exists(options.Path))
        {
            failures.Add($"{KnowledgeOptions.Section}:Path '{options.Path}' is not an existing folder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
