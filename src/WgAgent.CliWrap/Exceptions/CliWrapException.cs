namespace CliWrap.Exceptions;

/// <summary>The base of the exceptions this library throws about a command's outcome.</summary>
public class CliWrapException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public CliWrapException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CliWrapException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
