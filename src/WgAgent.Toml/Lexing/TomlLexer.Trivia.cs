using System.Buffers;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Lexing;

/// <summary>What separates tokens: spaces, tabs and comments (which may not hold control characters).</summary>
internal ref partial struct TomlLexer
{
    // Control characters (TOML 1.0: U+0000-U+0008, U+000A-U+001F, U+007F); tab is allowed everywhere text is.
    private static readonly SearchValues<byte> CommentStops = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private void SkipSpacesAndComments()
    {
        while (_pos < _text.Length)
        {
            var b = _text[_pos];
            if (b is (byte)' ' or (byte)'\t')
            {
                _pos++;
            }
            else if (b == (byte)'#')
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        var i = _pos + 1;
        while (true)
        {
            var k = _text[i..].IndexOfAny(CommentStops);
            if (k < 0)
            {
                _pos = _text.Length;
                return;
            }

            i += k;
            var b = _text[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && i + 1 < _text.Length && _text[i + 1] == (byte)'\n'))
            {
                _pos = i;
                return;
            }

            var at = PositionAt(i);
            _diagnostics.Report(at, $"{CharacterNames.Control(b)} is not allowed in a comment");
            i++;
        }
    }
}
