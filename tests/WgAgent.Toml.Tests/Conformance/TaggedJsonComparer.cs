using System.Globalization;
using System.Text.Json;

namespace WgAgent.Toml.Tests.Conformance;

/// <summary>
/// Compares tagged JSON the way toml-test's runner does (its json.go, summarised in the corpus's
/// ENCODING.md): same keys and array lengths; scalar types equal; strings and integers as text; booleans
/// case-insensitively; floats numerically with any NaN equal to nan; date-times as values, offset
/// date-times as instants. Returns null when equal, else the first difference with its path.
/// </summary>
internal static class TaggedJsonComparer
{
    public static string? Compare(JsonElement expected, JsonElement actual, string path = "")
    {
        var where = path.Length == 0 ? "(root)" : path;
        if (IsScalar(expected))
        {
            return IsScalar(actual) ? CompareScalars(expected, actual, where) : $"{where}: expected a scalar, got {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
            {
                if (actual.ValueKind != JsonValueKind.Object || IsScalar(actual))
                {
                    return $"{where}: expected a table, got {actual}";
                }

                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!expectedKeys.SequenceEqual(actualKeys))
                {
                    return $"{where}: keys [{string.Join(", ", actualKeys)}], expected [{string.Join(", ", expectedKeys)}]";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    var difference = Compare(property.Value, actual.GetProperty(property.Name), path.Length == 0 ? property.Name : $"{path}.{property.Name}");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            }

            case JsonValueKind.Array:
            {
                if (actual.ValueKind != JsonValueKind.Array)
                {
                    return $"{where}: expected an array, got {actual.ValueKind}";
                }

                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{where}: {actual.GetArrayLength()} elements, expected {expected.GetArrayLength()}";
                }

                var i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    var difference = Compare(e, a, $"{path}[{i++}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            }

            default:
                return $"{where}: the expected file holds a {expected.ValueKind}, which tagged JSON never uses";
        }
    }

    /// <summary>A scalar is an object with exactly the string members "type" and "value" (tables may have a key "type").</summary>
    private static bool IsScalar(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && e.EnumerateObject().Count() == 2
        && e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        && e.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String;

    private static string? CompareScalars(JsonElement expected, JsonElement actual, string where)
    {
        var type = expected.GetProperty("type").GetString()!;
        var actualType = actual.GetProperty("type").GetString()!;
        if (type != actualType)
        {
            return $"{where}: type '{actualType}', expected '{type}'";
        }

        var e = expected.GetProperty("value").GetString()!;
        var a = actual.GetProperty("value").GetString()!;
        var same = type switch
        {
            "string" or "integer" => e == a,
            "bool" => string.Equals(e, a, StringComparison.OrdinalIgnoreCase),
            "float" => FloatEquals(e, a),
            _ => TaggedDateTime.Parse(type, e) == TaggedDateTime.Parse(type, a),
        };
        return same ? null : $"{where}: {type} '{a}', expected '{e}'";
    }

    private static bool FloatEquals(string expected, string actual)
    {
        var e = expected.ToLowerInvariant();
        var a = actual.ToLowerInvariant();
        if (e.Contains("nan", StringComparison.Ordinal) || a.Contains("nan", StringComparison.Ordinal))
        {
            return e.Trim('+', '-') == a.Trim('+', '-');
        }

        return ParseFloat(e) == ParseFloat(a);
    }

    private static double ParseFloat(string s) => s switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
