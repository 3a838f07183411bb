namespace WgAgent.Serilog.Sinks.Journald.Tests;

/// <summary>Exceptions with a real stack trace, as logged exceptions have.</summary>
public static class TestExceptions
{
    public static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
