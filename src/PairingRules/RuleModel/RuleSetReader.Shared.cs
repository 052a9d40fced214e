using Newtonsoft.Json.Linq;

namespace PairingRules.RuleModel;

/// <summary>
/// The rules every group shares, written once: <c>defaults</c> (a cap for every group without its own) and
/// <c>restrictions</c> (households that only some groups may take). Shape only; <c>RuleSetCompiler</c> checks the
/// group ids and compiles the expressions.
/// </summary>
internal static partial class RuleSetReader
{
    /// <summary>The most entries <c>restrictions</c> may have.</summary>
    public const int MaxRestrictions = 200;

    private static readonly string[] DefaultsFields = ["max"];
    private static readonly string[] RestrictionFields = ["description", "households", "groups"];

    private static void ReadDefaults(JProperty property, RuleSetDocument document, Context context)
    {
        if (property.Value is not JObject defaults)
        {
            context.Problem(property.Value, $"`defaults` must be an object such as {{ \"max\": 15 }}, not {Describe(property.Value)}");
            return;
        }

        foreach (var field in defaults.Properties())
        {
            switch (field.Name)
            {
                case "max": document.DefaultMax = context.Count(field); break;
                default: context.UnknownField(field, DefaultsFields, "`defaults`"); break;
            }
        }
    }

    private static void ReadRestrictions(JProperty property, RuleSetDocument document, Context context)
    {
        if (property.Value is not JArray array)
        {
            context.Problem(property.Value, $"`restrictions` must be an array of restrictions, not {Describe(property.Value)}");
            return;
        }

        if (array.Count > MaxRestrictions)
        {
            context.Problem(array, $"`restrictions` has {array.Count} restrictions; the limit is {MaxRestrictions}");
            return;
        }

        foreach (var item in array)
        {
            if (item is not JObject restrictionObject)
            {
                context.Problem(item, $"a restriction is a JSON object with `households` and `groups`, not {Describe(item)}");
                continue;
            }

            var restriction = new RestrictionDocument(Context.LocationOf(restrictionObject));
            foreach (var field in restrictionObject.Properties())
            {
                switch (field.Name)
                {
                    case "description": restriction.Description = context.String(field, notBlank: false); break;
                    case "households": restriction.Households = context.String(field, notBlank: true); break;
                    case "groups":
                        restriction.GroupsLocation = Context.LocationOf(field.Value);
                        restriction.Groups = ReadGroupIds(field, context);
                        break;
                    default: context.UnknownField(field, RestrictionFields, "a restriction"); break;
                }
            }

            foreach (var (name, hint) in new[]
                     {
                         ("households", "an expression over `household` for the households the restriction is about"),
                         ("groups", "the ids of the groups that alone may take those households"),
                     })
            {
                if (restrictionObject.Property(name) is null)
                {
                    context.Problem(restrictionObject, $"missing required field `{name}` ({hint})");
                }
            }

            document.Restrictions.Add(restriction);
        }
    }

    /// <summary>The group ids of a restriction's <c>groups</c>, each located; null (with a problem) unless a non-empty array.</summary>
    private static List<Located<string>>? ReadGroupIds(JProperty property, Context context)
    {
        if (property.Value is not JArray array)
        {
            context.Problem(property.Value, $"`groups` must be an array of group ids such as [\"township-cadres\"], not {Describe(property.Value)}");
            return null;
        }

        if (array.Count == 0)
        {
            context.Problem(array, "`groups` is empty: list the ids of the groups that alone may take these households");
            return null;
        }

        var ids = new List<Located<string>>();
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)item))
            {
                ids.Add(new Located<string>((string)item!, Context.LocationOf(item)));
            }
            else
            {
                context.Problem(item, $"a group id is a non-empty string, not {Describe(item)}");
            }
        }

        return ids;
    }
}
