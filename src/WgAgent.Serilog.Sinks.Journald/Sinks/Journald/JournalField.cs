namespace Serilog.Sinks.Journald;

/// <summary>One journal field: a valid field name and its value (any text, newlines included).</summary>
/// <param name="Name">Upper-case ASCII letters, digits and '_', not starting with '_' or a digit, at most 64 characters.</param>
/// <param name="Value">The value.</param>
public readonly record struct JournalField(string Name, string Value);
