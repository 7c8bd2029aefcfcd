using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace InclusionNetwork.Silo.Database;

/// <summary>One file of <c>db/migrations</c>: <c>NNNN_what.sql</c>.</summary>
public sealed partial record Migration(int Number, string Name, string Sql, string Checksum)
{
    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();

    public string FileName => $"{Number:D4}_{Name}.sql";

    /// <summary>Reads every migration in a folder, in order; refuses misnamed or duplicate numbers.</summary>
    public static IReadOnlyList<Migration> LoadFrom(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new MigrationException($"The migrations folder {directory} does not exist.");
        }
        var migrations = new List<Migration>();
        foreach (var path in Directory.GetFiles(directory, "*.sql"))
        {
            var fileName = Path.GetFileName(path);
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new MigrationException($"Migration file {fileName} is not named NNNN_<what>.sql.");
            }
            var sql = File.ReadAllText(path, Encoding.UTF8);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, sql, ChecksumOf(sql)));
        }
        migrations.Sort((a, b) => a.Number.CompareTo(b.Number));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Number == migrations[i - 1].Number)
            {
                throw new MigrationException($"Migrations {migrations[i - 1].FileName} and {migrations[i].FileName} share a number.");
            }
        }
        return migrations;
    }

    /// <summary>
    /// SHA-256 of the text with line ends normalised, so a checkout with CRLF line ends
    /// is not mistaken for an edited migration.
    /// </summary>
    public static string ChecksumOf(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n", StringComparison.Ordinal))));
}
