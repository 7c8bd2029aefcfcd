using System.Text;
using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>Configures an enum type in the code-first API.</summary>
public sealed class EnumTypeBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly List<EnumValueDefinitionNode> _values = [];
    private string? _description;

    internal EnumTypeBuilder(SchemaBuilder schema, string name)
    {
        _schema = schema;
        Name = name;
    }

    public string Name { get; }

    public EnumTypeBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds a value; <paramref name="runtimeValue"/> is what resolvers see (the name when null).</summary>
    public EnumTypeBuilder Value(string name, object? runtimeValue = null, string? description = null, string? deprecationReason = null)
    {
        _values.Add(new EnumValueDefinitionNode
        {
            Name = new NameNode { Value = name },
            Description = InputValues.Description(description),
            Directives = InputValues.Deprecation(deprecationReason),
        });
        if (runtimeValue is not null)
        {
            _schema.AddEnumValue(Name, name, runtimeValue);
        }

        return this;
    }

    /// <summary><c>PrimarySchool</c> becomes <c>PRIMARY_SCHOOL</c>, the usual GraphQL spelling of enum values.</summary>
    public static string ToEnumValueName(string clrName)
    {
        var builder = new StringBuilder(clrName.Length + 4);
        for (var i = 0; i < clrName.Length; i++)
        {
            var c = clrName[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(clrName[i - 1]) || (i + 1 < clrName.Length && char.IsLower(clrName[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    internal EnumTypeDefinitionNode ToDefinition() => new()
    {
        Name = new NameNode { Value = Name },
        Description = InputValues.Description(_description),
        Values = _values,
    };
}
