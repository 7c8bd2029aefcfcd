using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace InclusionNetwork.Silo.DataProtection;

/// <summary>
/// Keeps ASP.NET Core Data Protection's key ring in the <c>data_protection_keys</c> table, so every
/// silo on the database encrypts and decrypts antiforgery tokens and TempData with the same keys.
/// Data Protection calls these synchronously and caches the ring, reading it again only when it
/// needs a key it does not hold or the ring is due for renewal (hours apart), so the calls are rare.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // Two silos creating the ring's first key at once each store theirs under its own name
        // (a key id), so both are kept and either decrypts what the other encrypted.
        using var command = dataSource.CreateCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
