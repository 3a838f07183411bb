using WgAgent.Toml.Diagnostics;
using WgAgent.Toml.Syntax;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Semantics;

/// <summary>
/// Applies parsed statements to the document model and enforces TOML's semantic rules: no key defined
/// twice, no table defined twice, dotted keys never reaching into header-defined tables, inline tables and
/// static arrays closed once written, and a bound on nesting depth.
/// </summary>
/// <remarks>
/// Which of those rules apply depends on how each table came to exist (<see cref="TableOrigin"/>); the
/// rules follow the TOML 1.0.0 spec's "Table" and "Array of Tables" sections and the cases of toml-test.
/// After an error the builder keeps going with a detached table, so the statements that follow are still
/// checked without echoing the first error.
/// </remarks>
internal sealed partial class ModelBuilder
{
    private readonly DiagnosticBag _diagnostics;
    private TomlTable _current;

    public ModelBuilder(DiagnosticBag diagnostics, TomlPosition start)
    {
        _diagnostics = diagnostics;
        Root = new TomlTable(new TomlSpan(diagnostics.SourcePath, start, start), 0, TableOrigin.Root);
        _current = Root;
    }

    public TomlTable Root { get; }

    /// <summary>Records the end of the document, so the root table spans all of it.</summary>
    public void Finish(TomlSpan endOfFile) => Root.Span = new TomlSpan(Root.Span.SourcePath, Root.Span.Start, endOfFile.End);

    public void AddKeyValue(KeyValueSyntax keyValue) => AddKeyValue(_current, keyValue);

    private void AddKeyValue(TomlTable table, KeyValueSyntax keyValue)
    {
        var key = keyValue.Key;
        var target = table;
        for (var i = 0; i < key.Count - 1 && target is not null; i++)
        {
            target = DottedStep(target, key, i);
        }

        if (target is null)
        {
            return;
        }

        var last = key.Last;
        if (target.TryGet(last.Name, out var existing, out var firstSpan))
        {
            var what = existing is TomlObject and not TomlArray ? "a table" : "a value";
            Error(last.Span, existing is TomlObject and not TomlArray
                ? $"duplicate key {Quote(key.Display())}: it is already {what} (defined at {firstSpan.Start})"
                : $"duplicate key {Quote(key.Display())} (first defined at {firstSpan.Start})");
            return;
        }

        var value = Convert(keyValue.Value, target.Depth + 1);
        if (value is not null)
        {
            target.Add(last.Name, value, last.Span, keyValue.Value.Span);
        }
    }

    /// <summary>Walks one dotted-key segment down from <paramref name="table"/>, creating the table if needed.</summary>
    private TomlTable? DottedStep(TomlTable table, KeySyntax key, int index)
    {
        var segment = key[index];
        if (!table.TryGet(segment.Name, out var existing, out var firstSpan))
        {
            if (!CheckDepth(table.Depth + 1, segment.Span))
            {
                return null;
            }

            var created = new TomlTable(segment.Span, table.Depth + 1, TableOrigin.Dotted);
            table.Add(segment.Name, created, segment.Span, segment.Span);
            return created;
        }

        var prefix = key.Display(index + 1);
        switch (existing)
        {
            case TomlTable { Origin: TableOrigin.Dotted } dotted:
                return dotted;
            case TomlTable { Origin: TableOrigin.Implicit } named:
                // Only named by a longer header so far; the dotted key now defines it, and no header may later.
                named.Origin = TableOrigin.Dotted;
                return named;
            case TomlTable { Origin: TableOrigin.Inline }:
                Error(segment.Span, $"cannot add keys to {Quote(prefix)}: it is an inline table (defined at {firstSpan.Start}), and inline tables are closed once written");
                return null;
            case TomlTable:
                Error(segment.Span, $"cannot use dotted keys to add to the table [{prefix}] defined by a header at {firstSpan.Start}; add the key under that header");
                return null;
            case TomlTableArray:
                Error(segment.Span, $"cannot use dotted keys to add to the array of tables [[{prefix}]] (defined at {firstSpan.Start})");
                return null;
            default:
                Error(segment.Span, $"{Quote(prefix)} is already {TypeName(existing)} (defined at {firstSpan.Start}), so it cannot be a table");
                return null;
        }
    }

    /// <summary>Turns value syntax into a model value; null after a reported error.</summary>
    private object? Convert(in ValueSyntax value, int depth)
    {
        switch (value.Value)
        {
            case ArraySyntax array:
            {
                if (!CheckDepth(depth, value.Span))
                {
                    return null;
                }

                var result = new TomlArray(value.Span, depth, array.Items.Count);
                foreach (var item in array.Items)
                {
                    var element = Convert(item, depth + 1);
                    if (element is null)
                    {
                        return null;
                    }

                    result.Add(element, item.Span);
                }

                return result;
            }

            case InlineTableSyntax inline:
            {
                if (!CheckDepth(depth, value.Span))
                {
                    return null;
                }

                var result = new TomlTable(value.Span, depth, TableOrigin.Inline);
                foreach (var entry in inline.Entries)
                {
                    AddKeyValue(result, entry);
                }

                return result;
            }

            default:
                return value.Value;
        }
    }

    private bool CheckDepth(int depth, TomlSpan at)
    {
        if (depth <= TomlParser.MaxDepth)
        {
            return true;
        }

        Error(at, $"the document is nested too deeply (more than {TomlParser.MaxDepth} levels of tables and arrays)");
        return false;
    }

    private void Error(TomlSpan at, string message) => _diagnostics.Report(at, message);

    private static string Quote(string key) => CharacterNames.Quote(key);

    private static string TypeName(object value) => value switch
    {
        string => "a string",
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        TomlDateTime => "a date-time",
        TomlArray => "an array",
        TomlTableArray => "an array of tables",
        _ => "a table",
    };
}
