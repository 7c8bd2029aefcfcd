using System.Globalization;
using System.Text;

namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// Turns GraphQL source text into tokens on demand (spec section 2.1). Ignored tokens
/// (white space, line terminators, commas, comments, the byte order mark) are skipped.
/// One token of lookahead is kept because definitions with descriptions need it.
/// </summary>
public sealed class Lexer
{
    private readonly string _source;
    private int _line = 1;
    private int _lineStart;
    private Token _next;
    private bool _hasNext;

    public Lexer(string source)
    {
        _source = source;
        Token = new Token(TokenKind.StartOfFile, 0, 0, 1, 1, null);
        LastToken = Token;
    }

    public string Source => _source;

    /// <summary>The current token.</summary>
    public Token Token { get; private set; }

    /// <summary>The token before the current one; nodes end where it ends.</summary>
    public Token LastToken { get; private set; }

    /// <summary>Moves to the next token and returns it.</summary>
    public Token Advance()
    {
        LastToken = Token;
        Token = Lookahead();
        _hasNext = false;
        return Token;
    }

    /// <summary>The token after the current one, without moving.</summary>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.EndOfFile)
        {
            return Token;
        }

        if (!_hasNext)
        {
            _next = ReadToken(Token.End);
            _hasNext = true;
        }

        return _next;
    }

    /// <summary>The 1-based line and column of a character offset in the source.</summary>
    public static SourceLocation LocationOf(string source, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= source.Length || source[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\r')
            {
                line++;
                lineStart = i + 2;
                i++;
            }
        }

        return new SourceLocation(line, position - lineStart + 1);
    }

    private GraphQLSyntaxException Error(int position, string description) =>
        new(description, position, LocationOf(_source, position));

    private Token Make(TokenKind kind, int start, int end, string? value = null) =>
        new(kind, start, end, _line, start - _lineStart + 1, value);

    private Token ReadToken(int position)
    {
        var source = _source;
        var length = source.Length;
        while (position < length)
        {
            var c = source[position];
            switch (c)
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += position + 1 < length && source[position + 1] == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    {
                        // A comment runs to the line's end: found by a vectorised search, so a
                        // megabyte of comment costs a scan of memory, never a loop per character.
                        var end = source.AsSpan(position + 1).IndexOfAny('\n', '\r');
                        position = end < 0 ? length : position + 1 + end;
                        continue;
                    }

                case '!':
                    return Make(TokenKind.Bang, position, position + 1);
                case '$':
                    return Make(TokenKind.Dollar, position, position + 1);
                case '&':
                    return Make(TokenKind.Amp, position, position + 1);
                case '(':
                    return Make(TokenKind.ParenLeft, position, position + 1);
                case ')':
                    return Make(TokenKind.ParenRight, position, position + 1);
                case '.':
                    if (position + 2 < length && source[position + 1] == '.' && source[position + 2] == '.')
                    {
                        return Make(TokenKind.Spread, position, position + 3);
                    }

                    break;
                case ':':
                    return Make(TokenKind.Colon, position, position + 1);
                case '=':
                    return Make(TokenKind.Equals, position, position + 1);
                case '@':
                    return Make(TokenKind.At, position, position + 1);
                case '[':
                    return Make(TokenKind.BracketLeft, position, position + 1);
                case ']':
                    return Make(TokenKind.BracketRight, position, position + 1);
                case '{':
                    return Make(TokenKind.BraceLeft, position, position + 1);
                case '|':
                    return Make(TokenKind.Pipe, position, position + 1);
                case '}':
                    return Make(TokenKind.BraceRight, position, position + 1);
                case '"':
                    if (position + 2 < length && source[position + 1] == '"' && source[position + 2] == '"')
                    {
                        return ReadBlockString(position);
                    }

                    return ReadString(position);
            }

            if (IsDigit(c) || c == '-')
            {
                return ReadNumber(position);
            }

            if (IsNameStart(c))
            {
                return ReadName(position);
            }

            if (c == '\'')
            {
                throw Error(position, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
            }

            var isValid = !char.IsSurrogate(c) || IsSurrogatePairAt(position);
            throw Error(position, isValid
                ? $"Unexpected character: {DescribeCharacterAt(position)}."
                : $"Invalid character: {DescribeCharacterAt(position)}.");
        }

        return Make(TokenKind.EndOfFile, length, length);
    }

    private Token ReadName(int start)
    {
        var position = start + 1;
        while (position < _source.Length && IsNameContinue(_source[position]))
        {
            position++;
        }

        return Make(TokenKind.Name, start, position, _source.Substring(start, position - start));
    }

    private Token ReadNumber(int start)
    {
        var position = start;
        var isFloat = false;
        var code = CharAt(position);
        if (code == '-')
        {
            code = CharAt(++position);
        }

        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {DescribeCharacterAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position);
            code = CharAt(position);
        }

        if (code == '.')
        {
            isFloat = true;
            position = ReadDigits(position + 1);
            code = CharAt(position);
        }

        if (code is 'E' or 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code is '+' or '-')
            {
                ++position;
            }

            position = ReadDigits(position);
            code = CharAt(position);
        }

        // The spec's lookahead restriction: a number may not run straight into a name or a dot.
        if (code == '.' || IsNameStart(code))
        {
            throw Error(position, $"Invalid number, expected digit but got: {DescribeCharacterAt(position)}.");
        }

        return Make(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _source.Substring(start, position - start));
    }

    private int ReadDigits(int position)
    {
        if (!IsDigit(CharAt(position)))
        {
            throw Error(position, $"Invalid number, expected digit but got: {DescribeCharacterAt(position)}.");
        }

        position++;
        while (IsDigit(CharAt(position)))
        {
            position++;
        }

        return position;
    }

    private Token ReadString(int start)
    {
        var source = _source;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '"')
            {
                string text;
                if (value is null)
                {
                    text = source.Substring(chunkStart, position - chunkStart);
                }
                else
                {
                    value.Append(source, chunkStart, position - chunkStart);
                    text = value.ToString();
                }

                return Make(TokenKind.String, start, position + 1, text);
            }

            if (c == '\\')
            {
                value ??= new StringBuilder();
                value.Append(source, chunkStart, position - chunkStart);
                position += ReadEscape(position, value);
                chunkStart = position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            position += CharacterWidthInString(position);
        }

        throw Error(position, "Unterminated string.");
    }

    /// <summary>Appends the escaped character at <paramref name="position"/> and returns the escape's length.</summary>
    private int ReadEscape(int position, StringBuilder value)
    {
        var source = _source;
        var next = CharAt(position + 1);
        if (next == 'u')
        {
            return CharAt(position + 2) == '{'
                ? ReadVariableWidthUnicodeEscape(position, value)
                : ReadFixedWidthUnicodeEscape(position, value);
        }

        char escaped;
        switch (next)
        {
            case '"': escaped = '"'; break;
            case '\\': escaped = '\\'; break;
            case '/': escaped = '/'; break;
            case 'b': escaped = '\b'; break;
            case 'f': escaped = '\f'; break;
            case 'n': escaped = '\n'; break;
            case 'r': escaped = '\r'; break;
            case 't': escaped = '\t'; break;
            default:
                throw Error(position, $"Invalid character escape sequence: \"{Slice(position, 2)}\".");
        }

        value.Append(escaped);
        _ = source;
        return 2;
    }

    private int ReadVariableWidthUnicodeEscape(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var c = CharAt(position + size++);
            if (c == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                value.Append(char.ConvertFromUtf32(point));
                return size;
            }

            var digit = HexValue(c);
            if (digit < 0)
            {
                break;
            }

            point = (point << 4) | digit;
            if (point > 0x10FFFF)
            {
                break;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, size)}\".");
    }

    private int ReadFixedWidthUnicodeEscape(int position, StringBuilder value)
    {
        var code = ReadHex4(position + 2);
        if (code >= 0 && IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }

        // A surrogate pair written as two escapes, e.g. \uD83D\uDE00.
        if (char.IsHighSurrogate((char)Math.Max(code, 0)) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = ReadHex4(position + 8);
            if (trailing >= 0 && char.IsLowSurrogate((char)trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, 6)}\".");
    }

    private int ReadHex4(int position)
    {
        var result = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = HexValue(CharAt(position + i));
            if (digit < 0)
            {
                return -1;
            }

            result = (result << 4) | digit;
        }

        return result;
    }

    private Token ReadBlockString(int start)
    {
        var source = _source;
        var lineStart = _lineStart;
        var line = _line;
        var position = start + 3;
        var chunkStart = position;
        var currentLine = new StringBuilder();
        var lines = new List<string>();
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(source, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                var token = new Token(TokenKind.BlockString, start, position + 3, line, start - lineStart + 1,
                    BlockStrings.Dedent(lines));
                return token;
            }

            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(source, chunkStart, position - chunkStart).Append("\"\"\"");
                position += 4;
                chunkStart = position;
                continue;
            }

            if (c is '\r' or '\n')
            {
                currentLine.Append(source, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                currentLine.Clear();
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                _line++;
                _lineStart = position;
                continue;
            }

            position += CharacterWidthInString(position);
        }

        throw Error(position, "Unterminated string.");
    }

    private int CharacterWidthInString(int position)
    {
        var c = _source[position];
        if (!char.IsSurrogate(c))
        {
            return 1;
        }

        if (IsSurrogatePairAt(position))
        {
            return 2;
        }

        throw Error(position, $"Invalid character within String: {DescribeCharacterAt(position)}.");
    }

    private bool IsSurrogatePairAt(int position) =>
        char.IsHighSurrogate(_source[position]) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1]);

    private char CharAt(int position) => position < _source.Length ? _source[position] : '\0';

    private string Slice(int position, int length) =>
        _source.Substring(position, Math.Min(length, _source.Length - position));

    /// <summary>A character as graphql-js quotes it in lexer errors: <c>"a"</c>, <c>U+0007</c> or <c>&lt;EOF&gt;</c>.</summary>
    private string DescribeCharacterAt(int position)
    {
        if (position >= _source.Length)
        {
            return "<EOF>";
        }

        var c = _source[position];
        if (c >= 0x20 && c <= 0x7E)
        {
            return c == '"' ? "'\"'" : "\"" + c + "\"";
        }

        var point = IsSurrogatePairAt(position) ? char.ConvertToUtf32(c, _source[position + 1]) : c;
        return "U+" + point.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static bool IsUnicodeScalarValue(int point) => point is >= 0 and <= 0xD7FF or >= 0xE000 and <= 0x10FFFF;

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    internal static bool IsDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    internal static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);
}
