using System.Text;

namespace InclusionNetwork.Grains.Common;

/// <summary>
/// Reads RFC 4180 CSV: fields separated by commas, optionally quoted, quotes doubled
/// inside quoted fields, line breaks (CRLF or LF) allowed inside quotes. Each record
/// carries the line number it starts on, so errors can point at the file.
/// </summary>
public static class CsvReader
{
    public sealed record Record(int LineNumber, IReadOnlyList<string> Fields);

    public static IEnumerable<Record> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordStart = 1;
        var inQuotes = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new Record(recordStart, fields);
                    }
                    fields = [];
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    recordStart = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
        if (inQuotes)
        {
            throw new FormatException($"Line {recordStart}: a quoted field is not closed before the end of the file.");
        }
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Record(recordStart, fields);
        }
    }
}
