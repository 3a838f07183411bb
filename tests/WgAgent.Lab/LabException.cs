namespace WgAgent.Lab;

/// <summary>The lab could not do what was asked (bring-up, a command, cleanup); the message says why.</summary>
public sealed class LabException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public LabException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public LabException(string message, Exception inner) : base(message, inner)
    {
    }
}
