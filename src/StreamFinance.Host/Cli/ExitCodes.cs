namespace StreamFinance.Host.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Finished as asked.</summary>
    public const int Ok = 0;

    /// <summary>Failed while running; the log says why.</summary>
    public const int Failed = 1;

    /// <summary>A command-line or configuration value is wrong; the one-line message says which and how to fix it.</summary>
    public const int Usage = 2;

    /// <summary>Kafka or the Schema Registry could not be reached at start-up.</summary>
    public const int Unavailable = 3;

    /// <summary><c>audit verify</c> found an edited event, a gap, a break or a head that does not match.</summary>
    public const int AuditProblems = 4;
}
