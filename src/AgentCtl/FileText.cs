namespace AgentCtl;

/// <summary>Reads the files the CLI checks, turning failures into short reasons a user can act on.</summary>
internal static class FileText
{
    /// <summary>The file's bytes, or null and why not ("no such file", "permission denied", ...).</summary>
    public static byte[]? TryReadBytes(string path, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = Reason(e);
            return null;
        }
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
