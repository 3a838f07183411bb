using System.Text;

namespace WgAgent.Core.Firewall;

/// <summary>
/// Writes a table in the layout <c>nft list table</c> prints (tabs, a blank line between blocks, set elements one
/// per line in nft's continuation indent), so a rendered table reads like the listing and diffs line by line.
/// </summary>
internal sealed class NftWriter
{
    // nft indents continued element lines with three tabs and five spaces, under the first element.
    private const string ElementIndent = "\t\t\t     ";

    private readonly StringBuilder _text = new();
    private bool _firstBlock = true;

    public NftWriter(string family, string table) => _text.Append("table ").Append(family).Append(' ').Append(table).Append(" {\n");

    /// <summary>A named counter object, its values zero (the listing's values are ignored by <see cref="NftListing"/>).</summary>
    public void Counter(string name)
    {
        StartBlock();
        _text.Append("\tcounter ").Append(name).Append(" {\n\t\tpackets 0 bytes 0\n\t}\n");
    }

    /// <summary>A named set; <paramref name="elements"/> must not be empty and are written in the order given.</summary>
    public void Set(string name, string type, bool interval, IReadOnlyList<string> elements)
    {
        StartBlock();
        _text.Append("\tset ").Append(name).Append(" {\n\t\ttype ").Append(type).Append('\n');
        if (interval)
        {
            _text.Append("\t\tflags interval\n");
        }
        _text.Append("\t\telements = { ");
        for (var i = 0; i < elements.Count; i++)
        {
            _text.Append(i == 0 ? "" : ",\n" + ElementIndent).Append(elements[i]);
        }
        _text.Append(" }\n\t}\n");
    }

    /// <summary>A base chain: <paramref name="hook"/> at priority filter, with its policy, then its rules in order.</summary>
    public void Chain(string name, string hook, bool policyDrop, IEnumerable<string> rules)
    {
        StartBlock();
        _text.Append("\tchain ").Append(name).Append(" {\n\t\ttype filter hook ").Append(hook)
            .Append(" priority filter; policy ").Append(policyDrop ? "drop" : "accept").Append(";\n");
        foreach (var rule in rules)
        {
            _text.Append("\t\t").Append(rule).Append('\n');
        }
        _text.Append("\t}\n");
    }

    /// <summary>The table text, ending with a newline.</summary>
    public override string ToString() => _text + "}\n";

    private void StartBlock()
    {
        if (!_firstBlock)
        {
            _text.Append('\n');
        }
        _firstBlock = false;
    }
}
