using System.Collections;
using k8s.Models;

namespace MtlsOperator.Crds;

/// <summary>
/// Evaluates the C# side of every <see cref="IValidationRule"/> on an object graph, as the API server evaluates the CEL side:
/// what <c>mtls-operator validate</c> and the tests use without a cluster.
/// </summary>
public static class CrossFieldValidator
{
    /// <summary>
    /// The rule failures in <paramref name="resource"/>; pass <paramref name="previous"/> to check transition rules (an update).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(object resource, object? previous = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var errors = new List<FieldError>();
        Walk(resource, previous, "", errors);
        return errors;
    }

    private static void Walk(object value, object? previous, string path, List<FieldError> errors)
    {
        foreach (var rule in SchemaRules.ForType(value.GetType()))
        {
            if (!rule.IsSatisfiedBy(value, previous))
            {
                errors.Add(new FieldError(Join(path, rule.FieldPath?.TrimStart('.')), rule.Message));
            }
        }

        foreach (var property in SchemaProperties.Of(value.GetType()))
        {
            var child = property.Property.GetValue(value);
            if (child is null)
            {
                continue;
            }

            var childPath = Join(path, property.JsonName);
            var previousChild = previous is null ? null : property.Property.GetValue(previous);
            foreach (var rule in SchemaRules.ForProperty(property))
            {
                if (previousChild is not null && !rule.IsSatisfiedBy(child, previousChild))
                {
                    errors.Add(new FieldError(childPath, rule.Message));
                }
            }

            if (child is IList list)
            {
                // Lists are atomic: Kubernetes gives rules inside their items no oldSelf, so neither do we.
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is { } item && IsObject(item))
                    {
                        Walk(item, null, $"{childPath}[{i}]", errors);
                    }
                }
            }
            else if (IsObject(child))
            {
                Walk(child, previousChild, childPath, errors);
            }
        }
    }

    private static bool IsObject(object value) =>
        value is not (string or V1ObjectMeta or IDictionary or IEnumerable) && value.GetType() is { IsClass: true };

    private static string Join(string path, string? name) =>
        string.IsNullOrEmpty(name) ? path : path.Length == 0 ? name : $"{path}.{name}";
}
