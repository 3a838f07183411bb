using System.Collections;

namespace WgAgent.Toml;

/// <summary>
/// A TOML array written as <c>[ ... ]</c> (a "static" array). Elements may be of any type, mixed. The
/// position of each element is available through <see cref="GetSpan"/>.
/// </summary>
/// <remarks>Arrays of tables written with <c>[[header]]</c> are <see cref="TomlTableArray"/> instead.</remarks>
public sealed class TomlArray : TomlObject, IReadOnlyList<object>
{
    private object[] _items;
    private TomlSpan[] _spans;
    private int _count;

    internal TomlArray(TomlSpan span, int depth, int capacity)
        : base(span, depth)
    {
        _items = capacity == 0 ? Array.Empty<object>() : new object[capacity];
        _spans = capacity == 0 ? Array.Empty<TomlSpan>() : new TomlSpan[capacity];
    }

    /// <summary>The number of elements.</summary>
    public int Count => _count;

    /// <summary>An element: a scalar (string, long, double, bool, <see cref="TomlDateTime"/>) or a container.</summary>
    /// <param name="index">0-based index.</param>
    /// <returns>The element.</returns>
    public object this[int index] =>
        (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Where an element was written (for a container, its <see cref="TomlObject.Span"/>).</summary>
    /// <param name="index">0-based index.</param>
    /// <returns>The element's span.</returns>
    public TomlSpan GetSpan(int index) =>
        (uint)index < (uint)_count ? _spans[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Enumerates the elements in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<object> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(object value, TomlSpan span)
    {
        if (_count == _items.Length)
        {
            var size = _count == 0 ? 4 : _count * 2;
            Array.Resize(ref _items, size);
            Array.Resize(ref _spans, size);
        }

        _items[_count] = value;
        _spans[_count] = span;
        _count++;
    }
}
