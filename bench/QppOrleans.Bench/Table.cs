using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QppOrleans.Bench;

/// <summary>The headline figures of a result as a plain table (the JSON has everything).</summary>
internal static class Table
{
    public static string Render(JsonElement result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"measure",-48} {"value",14}");
        Walk(result, "", text);
        return text.ToString();
    }

    private static void Walk(JsonElement element, string path, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => p.Name != "byRequest"))
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", text);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", text);
                }

                break;
            case JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False:
                text.AppendLine(CultureInfo.InvariantCulture, $"{path,-48} {element,14}");
                break;
        }
    }
}
