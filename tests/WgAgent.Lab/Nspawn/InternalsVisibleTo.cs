using System.Runtime.CompilerServices;

// The system tests check the booted-host fixture's own bookkeeping (machine folders, stale sweeps).
[assembly: InternalsVisibleTo("WgAgent.System.Tests")]
