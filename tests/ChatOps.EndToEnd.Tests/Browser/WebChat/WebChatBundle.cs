using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace ChatOps.EndToEnd.Tests.Browser.WebChat;

/// <summary>
/// The official Web Chat bundle (<c>botframework-webchat</c> 4.18.1, <c>dist/webchat.js</c>, which
/// carries its own React and Adaptive Cards renderer). Taken from <c>CHATOPS_WEBCHAT_JS</c>, else
/// from the user's cache, else fetched once with <c>npm pack</c> (the package tarball only, none
/// of its dependency tree) and kept in that cache.
/// </summary>
internal static class WebChatBundle
{
    public const string Package = "botframework-webchat@4.18.1";

    private static readonly Lazy<(string? Path, string? Problem)> Found = new(Locate);

    /// <summary>The bundle's path, or null and why not.</summary>
    public static (string? Path, string? Problem) Get() => Found.Value;

    private static (string?, string?) Locate()
    {
        if (Environment.GetEnvironmentVariable("CHATOPS_WEBCHAT_JS") is { Length: > 0 } given)
        {
            return File.Exists(given) ? (given, null) : (null, $"CHATOPS_WEBCHAT_JS names {given}, which does not exist");
        }

        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "chatops", Package.Replace('@', '-'));
        var bundle = Path.Combine(cache, "webchat.js");
        if (File.Exists(bundle))
        {
            return (bundle, null);
        }

        var work = Directory.CreateTempSubdirectory("chatops-webchat-").FullName;
        try
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["pack", Package, "--silent", "--pack-destination", work])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (npm is null || !npm.WaitForExit(TimeSpan.FromMinutes(2)) || npm.ExitCode != 0)
            {
                return (null, $"npm pack {Package} failed: {npm?.StandardError.ReadToEnd().Trim()}");
            }

            var tarball = Directory.GetFiles(work, "*.tgz").Single();
            using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.Name == "package/dist/webchat.js")
                {
                    Directory.CreateDirectory(cache);
                    entry.ExtractToFile(bundle + ".part", overwrite: true);
                    File.Move(bundle + ".part", bundle, overwrite: true);
                    return (bundle, null);
                }
            }

            return (null, $"{Package} has no dist/webchat.js");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (null, $"could not fetch {Package} with npm ({ex.Message}); install Node.js and npm, or set CHATOPS_WEBCHAT_JS to a webchat.js");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
