using System.Text;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// The text of an uploaded extract. "Get Information about Schools" publishes its CSV in
/// Windows-1252, not UTF-8, so a name like "St Mary’s" arrives as bytes that are not valid
/// UTF-8: a file that decodes as strict UTF-8 (with or without a byte-order mark) is read as
/// UTF-8, and any other as Windows-1252, which gives every byte a character.
/// </summary>
public static class GiasExtractText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static GiasExtractText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var withoutBom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        try
        {
            return StrictUtf8.GetString(withoutBom);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}
