using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PairingRules.RuleModel;

/// <summary>
/// Reads a rule file into a <see cref="RuleSetDocument"/>, collecting every problem of shape
/// (unknown fields, wrong types, missing fields) with its JSON path, line and column.
/// </summary>
internal static partial class RuleSetReader
{
    /// <summary>The largest rule file accepted, in characters.</summary>
    public const int MaxFileLength = 1_000_000;

    /// <summary>The most groups a rule set may have.</summary>
    public const int MaxGroups = 200;

    private static readonly string[] RootFields = ["$schema", "name", "title", "source", "description", "defaults", "restrictions", "groups"];
    private static readonly string[] GroupFields = ["id", "label", "description", "helpers", "households", "scope", "min", "max", "backstop"];

    /// <summary>
    /// Other words authors use for a field (a county's text says quota, cap, limit), suggested like a near spelling
    /// when the field they stand for is known where they appear; compared ignoring case.
    /// </summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["quota"] = "min",
        ["minimum"] = "min",
        ["cap"] = "max",
        ["maximum"] = "max",
        ["limit"] = "max",
        ["backstops"] = "backstop",
        ["group"] = "groups",
    };

    public static RuleSetDocument? Read(string json, string source, List<InputProblem> problems)
    {
        if (json.Length > MaxFileLength)
        {
            problems.Add(new InputProblem($"the rule file is {json.Length} characters long; the limit is {MaxFileLength}", source, 1, 1));
            return null;
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new InputProblem("the rule file is empty; a rule set is a JSON object with `name` and `groups`", source, 1, 1));
            return null;
        }

        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    problems.Add(new InputProblem("unexpected content after the end of the rule set", source, reader.LineNumber, reader.LinePosition));
                    return null;
                }
            }
        }
        catch (JsonReaderException e)
        {
            problems.Add(new InputProblem(
                "not valid JSON: " + TrimNewtonsoftLocation(e.Message),
                source,
                e.LineNumber > 0 ? e.LineNumber : 1,
                e.LineNumber > 0 && e.LinePosition > 0 ? e.LinePosition : null,
                string.IsNullOrEmpty(e.Path) ? null : e.Path));
            return null;
        }

        var context = new Context(source, problems, new JsonSource(json));
        if (root is not JObject obj)
        {
            context.Problem(root, $"a rule set is a JSON object with `name` and `groups`, not {Describe(root)}");
            return null;
        }

        var document = new RuleSetDocument();
        foreach (var property in obj.Properties())
        {
            switch (property.Name)
            {
                case "$schema":
                    context.String(property, notBlank: false);
                    break;
                case "name":
                    document.Name = context.String(property, notBlank: true);
                    break;
                case "title":
                    document.Title = context.String(property, notBlank: false);
                    break;
                case "source":
                    document.Source = context.String(property, notBlank: false);
                    break;
                case "description":
                    document.Description = context.String(property, notBlank: false);
                    break;
                case "groups":
                    ReadGroups(property, document, context);
                    break;
                case "defaults":
                    ReadDefaults(property, document, context);
                    break;
                case "restrictions":
                    ReadRestrictions(property, document, context);
                    break;
                default:
                    context.UnknownField(property, RootFields, "the rule set");
                    break;
            }
        }

        if (obj.Property("name") is null)
        {
            context.Problem(obj, "missing required field `name` (a short identifier such as \"xing-county\")");
        }

        if (obj.Property("groups") is null)
        {
            context.Problem(obj, "missing required field `groups` (the helper groups, in priority order)");
        }

        return document;
    }

    private static void ReadGroups(JProperty property, RuleSetDocument document, Context context)
    {
        if (property.Value is not JArray array)
        {
            context.Problem(property.Value, $"`groups` must be an array of groups, not {Describe(property.Value)}");
            return;
        }

        if (array.Count == 0)
        {
            context.Problem(array, "`groups` is empty: a rule set needs at least one group");
            return;
        }

        if (array.Count > MaxGroups)
        {
            context.Problem(array, $"`groups` has {array.Count} groups; the limit is {MaxGroups}");
            return;
        }

        foreach (var item in array)
        {
            if (item is not JObject groupObject)
            {
                context.Problem(item, $"a group is a JSON object with `id`, `helpers` and `scope`, not {Describe(item)}");
                continue;
            }

            var group = new GroupDocument(Context.LocationOf(groupObject));
            foreach (var field in groupObject.Properties())
            {
                switch (field.Name)
                {
                    case "id": group.Id = context.String(field, notBlank: true); break;
                    case "label": group.Label = context.String(field, notBlank: false); break;
                    case "description": group.Description = context.String(field, notBlank: false); break;
                    case "helpers": group.Helpers = context.Expression(field); break;
                    case "households": group.Households = context.Expression(field); break;
                    case "scope": group.Scope = context.String(field, notBlank: true); break;
                    case "min": group.Min = context.Count(field); break;
                    case "max": group.Max = context.Count(field); break;
                    case "backstop": group.Backstop = context.Boolean(field); break;
                    default: context.UnknownField(field, GroupFields, "a group"); break;
                }
            }

            foreach (var (name, hint) in new[]
                     {
                         ("id", "a short identifier such as \"section-cadres\""),
                         ("helpers", "an expression over `helper` that selects the group's members"),
                         ("scope", "`county`, `township` or `village`"),
                     })
            {
                if (groupObject.Property(name) is null)
                {
                    context.Problem(groupObject, $"missing required field `{name}` ({hint})");
                }
            }

            document.Groups.Add(group);
        }
    }

    private static string DidYouMean(string name, string[] known) =>
        Synonyms.TryGetValue(name.Trim(), out var field) && known.Contains(field, StringComparer.Ordinal)
            ? $", did you mean `{field}`?"
            : Spelling.DidYouMean(name, known);

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => $"the string \"{token}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {token.ToString(Formatting.None)}",
        JTokenType.Boolean => $"the boolean {token.ToString(Formatting.None)}",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string TrimNewtonsoftLocation(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (at < 0)
        {
            at = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return (at >= 0 ? message[..at] : message).TrimEnd('.', ' ', ',');
    }

    private sealed class Context(string source, List<InputProblem> problems, JsonSource json)
    {
        public static Location LocationOf(JToken token)
        {
            var info = (IJsonLineInfo)token;
            return new Location(token.Path, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
        }

        public void Problem(JToken token, string message)
        {
            var location = LocationOf(token);
            problems.Add(new InputProblem(
                message,
                source,
                location.Line > 0 ? location.Line : null,
                location.Column > 0 ? location.Column : null,
                string.IsNullOrEmpty(location.Path) ? "(root)" : location.Path));
        }

        public void UnknownField(JProperty property, string[] known, string where)
        {
            var parent = property.Parent is { } p && !string.IsNullOrEmpty(p.Path) ? p.Path : "(root)";
            var info = (IJsonLineInfo)property;
            problems.Add(new InputProblem(
                $"unknown field `{property.Name}` in {where}{DidYouMean(property.Name, known)} (known fields: {string.Join(", ", known)})",
                source,
                info.HasLineInfo() ? info.LineNumber : null,
                info.HasLineInfo() ? info.LinePosition : null,
                parent));
        }

        /// <summary>
        /// The property's string value with its location; a problem and <see langword="null"/> when it is not a string,
        /// or when <paramref name="notBlank"/> and it is empty or white space.
        /// </summary>
        public Located<string>? String(JProperty property, bool notBlank)
        {
            if (property.Value.Type == JTokenType.String)
            {
                var text = (string)property.Value!;
                if (notBlank && string.IsNullOrWhiteSpace(text))
                {
                    Problem(property.Value, $"`{property.Name}` must not be empty");
                    return null;
                }

                return new Located<string>(text, LocationOf(property.Value));
            }

            Problem(property.Value, $"`{property.Name}` must be a string, not {Describe(property.Value)}");
            return null;
        }

        /// <summary>An expression: <see cref="String"/> (not blank) with where each of its characters stood.</summary>
        public Located<string>? Expression(JProperty property) =>
            String(property, notBlank: true) is { } text ? text with { Positions = json.PositionsOf(property.Value, text.Value) } : null;

        public Located<int>? Count(JProperty property)
        {
            var value = property.Value;
            if (value.Type == JTokenType.Integer)
            {
                var number = value.ToObject<System.Numerics.BigInteger>();
                if (number < 0)
                {
                    Problem(value, string.Create(CultureInfo.InvariantCulture, $"`{property.Name}` must be a whole number of households, 0 or more, not {number}"));
                    return null;
                }

                if (number > int.MaxValue)
                {
                    Problem(value, string.Create(CultureInfo.InvariantCulture, $"`{property.Name}` is {number}; the largest allowed is {int.MaxValue}"));
                    return null;
                }

                return new Located<int>((int)number, LocationOf(value));
            }

            if (value.Type == JTokenType.Float)
            {
                Problem(value, $"`{property.Name}` must be a whole number of households, not {value.ToString(Formatting.None)}");
                return null;
            }

            if (value.Type == JTokenType.String && long.TryParse((string?)value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Problem(value, $"`{property.Name}` must be a number, not a string: write {value} without quotes");
                return null;
            }

            Problem(value, $"`{property.Name}` must be a whole number of households, not {Describe(value)}");
            return null;
        }

        public Located<bool>? Boolean(JProperty property)
        {
            if (property.Value.Type == JTokenType.Boolean)
            {
                return new Located<bool>((bool)property.Value!, LocationOf(property.Value));
            }

            Problem(property.Value, $"`{property.Name}` must be true or false, not {Describe(property.Value)}");
            return null;
        }
    }
}
