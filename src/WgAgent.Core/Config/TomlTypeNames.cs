using WgAgent.Toml;

namespace WgAgent.Core.Config;

/// <summary>TOML's names for the kinds of value, as a user reads them in "expected a string, found an integer".</summary>
internal static class TomlTypeNames
{
    public static string Of(object value) => value switch
    {
        string => "a string",
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        TomlDateTime => "a date-time",
        TomlArray => "an array",
        TomlTableArray => "an array of tables",
        TomlTable => "a table",
        _ => "a value of an unknown type",
    };
}
