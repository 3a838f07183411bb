namespace WgAgent.Toml.Tests.Semantics;

/// <summary>TOML 1.0's rules on defining tables and keys more than once (spec sections Table and Array of Tables).</summary>
public class RedefinitionTests
{
    public static TheoryData<string> Allowed => new()
    {
        "[a.b.c]\n[a]\nx = 1",                                             // a super-table after its sub-table
        "[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true", // a header below a dotted-key table
        "[[a]]\n[a.b]\n[[a]]\n[a.b]",                                     // sub-tables of each array element
        "[a.b.c]\n[a]\nb.d = 1",                                          // dotted keys into a table only named by a header
        "a = {b.c = 1, b.d = 2}",                                         // dotted keys within one inline table
        "apple.type = 'fruit'\norange.type = 'fruit'\napple.skin = 'thin'", // out-of-order dotted keys
        "[[a.b]]\n[a]\nc = 1",                                            // defining a parent named by [[a.b]]
        "a.b.c = 1\na.b.d = 2",
    };

    public static TheoryData<string, string> Rejected => new()
    {
        { "[a]\n[a]", "table [a] is defined twice" },
        { "a.b = 1\n[a]", "already defined by dotted keys" },
        { "[a]\nb.c = 1\n[a.b]", "already defined by dotted keys" },
        { "a = {}\n[a]", "inline table" },
        { "a = {}\na.b = 1", "inline table" },
        { "a = {b = 1}\n[a.c]", "inline table" },
        { "[[a]]\n[a]", "already an array of tables" },
        { "[a]\n[[a]]", "conflicts with the table" },
        { "a = []\n[[a]]", "static array" },
        { "a = [{}]\n[a.b]", "already an array" },
        { "[a.b.c]\n[a]\nb.c.d = 1", "defined by a header" },
        { "[a.b.c]\n[a]\nb.d = 1\n[a.b]", "already defined by dotted keys" },
        { "[[a.b]]\n[a]\nb.c = 1", "array of tables" },
        { "a = 1\na.b = 2", "already an integer" },
        { "a = {b = 1, b = 2}", "duplicate key 'b'" },
        { "a = {b = {}, b.c = 1}", "inline table" },
        { "[a]\nb = 1\n[a.b]", "conflicts with the key" },
        { "[a.b]\n[a]\nb = 1", "already a table" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Parse_AllowedRedefinition_Accepted(string toml)
    {
        var result = TomlParser.Parse(toml);

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Parse_ForbiddenRedefinition_RejectedWithReason(string toml, string reason)
    {
        var diagnostic = Assert.Single(TomlParser.Parse(toml).Diagnostics);

        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArrayOfTables_AppendsToTheLatestElement()
    {
        var document = TomlParser.ToModel("[[fruit]]\nname = 'apple'\n[fruit.physical]\ncolor = 'red'\n[[fruit.variety]]\nname = 'red delicious'\n[[fruit]]\nname = 'banana'\n[[fruit.variety]]\nname = 'plantain'");
        var fruit = (TomlTableArray)document["fruit"];

        Assert.Equal(2, fruit.Count);
        Assert.Equal("red", ((TomlTable)fruit[0]["physical"])["color"]);
        Assert.Equal("plantain", ((TomlTableArray)fruit[1]["variety"])[0]["name"]);
        Assert.False(fruit[1].ContainsKey("physical"));
    }

    [Fact]
    public void Parse_ErrorInHeader_KeysAfterItDoNotEcho()
    {
        // The keys under the rejected header go to a detached table: no "duplicate key" for x.
        var errors = TomlParser.Parse("[a]\nx = 1\n[a]\nx = 2\n").Diagnostics;

        Assert.Single(errors);
    }
}
