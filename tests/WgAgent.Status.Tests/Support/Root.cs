namespace WgAgent.Status.Tests.Support;

/// <summary>The real-socket tests switch users (setpriv), chgrp the socket and create namespaces: they need root and
/// fail, never skip, without it.</summary>
internal static class Root
{
    public static void Require()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("these tests switch users and create network namespaces: run them as root");
        }
    }
}
