using WgAgent.Toml.Syntax;

namespace WgAgent.Toml.Semantics;

/// <summary>Table headers: <c>[a.b]</c> defines a table, <c>[[a.b]]</c> appends one to an array of tables.</summary>
internal sealed partial class ModelBuilder
{
    public void DefineTable(TableHeaderSyntax header)
    {
        var key = header.Key;
        TomlTable? parent = Root;
        for (var i = 0; i < key.Count - 1 && parent is not null; i++)
        {
            parent = HeaderStep(parent, header, i);
        }

        var defined = parent is null ? null
            : header.IsArrayOfTables ? AppendArrayElement(parent, header)
            : DefineHeaderTable(parent, header);

        // After an error, the keys that follow go to a table nobody can reach: they are still checked
        // among themselves, but cannot cause echoes of this error.
        _current = defined ?? new TomlTable(header.Span, parent?.Depth + 1 ?? 1, TableOrigin.Header);
    }

    /// <summary>Walks one header segment down, creating an implicit table if needed.</summary>
    private TomlTable? HeaderStep(TomlTable table, TableHeaderSyntax header, int index)
    {
        var segment = header.Key[index];
        if (!table.TryGet(segment.Name, out var existing, out var firstSpan))
        {
            if (!CheckDepth(table.Depth + 1, segment.Span))
            {
                return null;
            }

            var created = new TomlTable(segment.Span, table.Depth + 1, TableOrigin.Implicit);
            table.Add(segment.Name, created, segment.Span, segment.Span);
            return created;
        }

        var prefix = header.Key.Display(index + 1);
        switch (existing)
        {
            case TomlTable { Origin: TableOrigin.Inline }:
                Error(segment.Span, $"cannot add to {Quote(prefix)}: it is an inline table (defined at {firstSpan.Start}), and inline tables are closed once written");
                return null;
            case TomlTable table1:
                return table1;
            case TomlTableArray array:
                // [a.b] after [[a]] means b of the latest element of a.
                return array.Last;
            default:
                Error(segment.Span, $"{Quote(prefix)} is already {TypeName(existing)} (defined at {firstSpan.Start}), so it cannot be a table");
                return null;
        }
    }

    private TomlTable? DefineHeaderTable(TomlTable parent, TableHeaderSyntax header)
    {
        var last = header.Key.Last;
        if (!parent.TryGet(last.Name, out var existing, out var firstSpan))
        {
            if (!CheckDepth(parent.Depth + 1, last.Span))
            {
                return null;
            }

            var created = new TomlTable(header.Span, parent.Depth + 1, TableOrigin.Header);
            parent.Add(last.Name, created, last.Span, header.Span);
            return created;
        }

        var name = header.Display();
        switch (existing)
        {
            case TomlTable { Origin: TableOrigin.Implicit } named:
                // Created as a parent of a longer header; this is its one definition.
                named.Origin = TableOrigin.Header;
                named.Span = header.Span;
                parent.Redefine(last.Name, last.Span, header.Span);
                return named;
            case TomlTable { Origin: TableOrigin.Header }:
                Error(last.Span, $"table {name} is defined twice (first at {firstSpan.Start})");
                return null;
            case TomlTable { Origin: TableOrigin.Dotted }:
                Error(last.Span, $"table {name} was already defined by dotted keys at {firstSpan.Start}; a header cannot define it again");
                return null;
            case TomlTable:
                Error(last.Span, $"table {name} is an inline table (defined at {firstSpan.Start}); inline tables are closed once written");
                return null;
            case TomlTableArray:
                Error(last.Span, $"table {name} is already an array of tables (first [[{header.Key.Display()}]] at {firstSpan.Start})");
                return null;
            default:
                Error(last.Span, $"table {name} conflicts with the key {Quote(header.Key.Display())}, already {TypeName(existing)} (defined at {firstSpan.Start})");
                return null;
        }
    }

    private TomlTable? AppendArrayElement(TomlTable parent, TableHeaderSyntax header)
    {
        var last = header.Key.Last;
        TomlTableArray array;
        if (!parent.TryGet(last.Name, out var existing, out var firstSpan))
        {
            if (!CheckDepth(parent.Depth + 2, last.Span))
            {
                return null;
            }

            array = new TomlTableArray(header.Span, parent.Depth + 1);
            parent.Add(last.Name, array, last.Span, header.Span);
        }
        else if (existing is TomlTableArray tableArray)
        {
            array = tableArray;
        }
        else
        {
            var name = header.Display();
            Error(last.Span, existing switch
            {
                TomlArray => $"cannot append to {Quote(header.Key.Display())} with {name}: it is a static array (defined at {firstSpan.Start})",
                TomlTable => $"{name} conflicts with the table {Quote(header.Key.Display())} (defined at {firstSpan.Start})",
                _ => $"{name} conflicts with the key {Quote(header.Key.Display())}, already {TypeName(existing)} (defined at {firstSpan.Start})",
            });
            return null;
        }

        var element = new TomlTable(header.Span, array.Depth + 1, TableOrigin.ArrayElement);
        array.Add(element);
        return element;
    }
}
