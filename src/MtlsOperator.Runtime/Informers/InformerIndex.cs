using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using MtlsOperator.Runtime.Logging;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Informers;

/// <summary>
/// A secondary index over an informer's cache (client-go's indexer): each object is filed under the values its index
/// function returns, so "which objects name this Secret" is a dictionary look-up instead of a scan of every object.
/// </summary>
internal sealed class InformerIndex<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock gate = new();
    private readonly Func<T, IEnumerable<string>> valuesOf;
    private readonly Dictionary<string, Dictionary<Request, T>> byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<Request, string[]> valuesByKey = [];
    private readonly ILogger logger;
    private readonly string description;

    public InformerIndex(string description, Func<T, IEnumerable<string>> valuesOf, ILogger logger)
    {
        this.description = description;
        this.valuesOf = valuesOf;
        this.logger = logger;
    }

    /// <summary>Files <paramref name="item"/> (the cache's new object for <paramref name="key"/>) under its current values.</summary>
    public void Set(Request key, T item)
    {
        var values = ValuesOf(item);
        lock (gate)
        {
            RemoveLocked(key);
            foreach (var value in values)
            {
                if (!byValue.TryGetValue(value, out var items))
                {
                    items = [];
                    byValue[value] = items;
                }

                items[key] = item;
            }

            if (values.Length > 0)
            {
                valuesByKey[key] = values;
            }
        }
    }

    /// <summary>Forgets the object at <paramref name="key"/> (it left the cache).</summary>
    public void Remove(Request key)
    {
        lock (gate)
        {
            RemoveLocked(key);
        }
    }

    /// <summary>A snapshot of the objects filed under <paramref name="value"/> (shared instances: do not mutate).</summary>
    public IReadOnlyList<T> Get(string value)
    {
        lock (gate)
        {
            return byValue.TryGetValue(value, out var items) ? [.. items.Values] : [];
        }
    }

    private void RemoveLocked(Request key)
    {
        if (!valuesByKey.Remove(key, out var previous))
        {
            return;
        }

        foreach (var value in previous)
        {
            if (byValue.TryGetValue(value, out var items) && items.Remove(key) && items.Count == 0)
            {
                byValue.Remove(value);
            }
        }
    }

    private string[] ValuesOf(T item)
    {
        try
        {
            return [.. valuesOf(item).Distinct(StringComparer.Ordinal)];
        }
        catch (Exception e)
        {
            // A broken index function must not stop the informer; the object is simply not found through this index.
            RuntimeLog.IndexFailed(logger, e, description);
            return [];
        }
    }
}
