using System.Collections.Immutable;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>Label matching and <c>{label}</c> placeholders.</summary>
internal static class LabelFilter
{
    public static bool Includes(ImmutableDictionary<string, string> labels, ImmutableDictionary<string, string> filter)
    {
        foreach (var (key, value) in filter)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces each <c>{label}</c> with the label's value; placeholders of absent labels stay as written.</summary>
    public static string Fill(string template, ImmutableDictionary<string, string> labels)
    {
        if (!template.Contains('{'))
        {
            return template;
        }

        var text = new System.Text.StringBuilder(template.Length);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            if (labels.TryGetValue(name, out var value))
            {
                text.Append(value);
            }
            else
            {
                text.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return text.ToString();
    }
}
