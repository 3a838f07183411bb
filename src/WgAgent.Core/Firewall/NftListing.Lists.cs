using System.Buffers;
using System.Text;

namespace WgAgent.Core.Firewall;

/// <summary>Element lists: nft prints a set's elements in its own order (hash order for a hash set), so they compare
/// sorted. Scanned with vectorized searches rather than char by char, because a big table's element line holds tens
/// of thousands of items and verify runs on every apply.</summary>
public static partial class NftListing
{
    private static readonly SearchValues<char> BracesAndQuote = SearchValues.Create("{}\"");

    private static readonly SearchValues<char> CommaAndQuote = SearchValues.Create(",\"");

    /// <summary>Sorts the comma-separated items of every innermost <c>{ ... }</c> (named and anonymous sets), outside
    /// quoted strings: each item trimmed, empty ones dropped, ordinal order, written <c>{ a, b }</c> (or <c>{ }</c>).
    /// A <c>}</c> with no <c>{</c> since the previous list (an outer block's end) is left as it is.</summary>
    private static string SortLists(string line)
    {
        var text = line.AsSpan();
        StringBuilder? result = null;
        int copied = 0, open = -1, i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(BracesAndQuote);
            if (next < 0)
            {
                break;
            }
            i += next;
            switch (text[i])
            {
                case '"':
                    var close = text[(i + 1)..].IndexOf('"');
                    i = close < 0 ? text.Length : i + close + 2;
                    break;
                case '{':
                    open = i++;
                    break;
                default: // '}'
                    if (open >= 0)
                    {
                        result ??= new StringBuilder(line.Length);
                        result.Append(text[copied..open]);
                        AppendSorted(result, line, open + 1, i);
                        copied = i + 1;
                        open = -1;
                    }
                    i++;
                    break;
            }
        }

        return result is null ? line : result.Append(text[copied..]).ToString();
    }

    /// <summary>Appends <c>{ items }</c> for the items of <c>line[start..end]</c>, sorted.</summary>
    private static void AppendSorted(StringBuilder result, string line, int start, int end)
    {
        var items = new List<string>();
        foreach (var item in SplitTopLevel(line, start, end))
        {
            var trimmed = line.AsSpan(item).Trim();
            if (trimmed.Length > 0)
            {
                items.Add(trimmed.ToString());
            }
        }
        if (items.Count == 0)
        {
            result.Append("{ }");
            return;
        }

        // Array.Sort with the ordinal comparer runs precompiled library code: in a one-shot `killswitch up` nothing of
        // ours gets past the first JIT tier, and a comparison lambda over spans measured twice as slow there.
        var sorted = items.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        result.Append("{ ").AppendJoin(", ", sorted).Append(" }");
    }

    /// <summary>The ranges between top-level commas (commas inside quoted strings belong to the item).</summary>
    private static List<Range> SplitTopLevel(string line, int start, int end)
    {
        var items = new List<Range>();
        var itemStart = start;
        var i = start;
        while (i < end)
        {
            var next = line.AsSpan(i, end - i).IndexOfAny(CommaAndQuote);
            if (next < 0)
            {
                break;
            }
            i += next;
            if (line[i] == '"')
            {
                var close = line.AsSpan(i + 1, end - i - 1).IndexOf('"');
                i = close < 0 ? end : i + close + 2;
                continue;
            }
            items.Add(new Range(itemStart, i));
            itemStart = ++i;
        }

        items.Add(new Range(itemStart, end));
        return items;
    }
}
