namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>
/// The objects of one resource: found by key in O(1), and kept in key (namespace/name) order in a sorted key list so
/// that a LIST page seeks to its start and to its namespace by binary search and knows how many keys follow it from
/// their positions, O(limit + log n) per page instead of a scan of every object. Keys change only on create and
/// delete (an update replaces the object under its key), where the list pays an O(n) block move of references.
/// </summary>
internal sealed class ObjectTable
{
    private readonly Dictionary<string, StoredObject> _byKey = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public int Count => _keys.Count;

    /// <summary>The object at <paramref name="position"/> in key order.</summary>
    public StoredObject this[int position] => _byKey[_keys[position]];

    /// <summary>Every object, in key order.</summary>
    public IEnumerable<StoredObject> InOrder => _keys.Select(k => _byKey[k]);

    public bool TryGetValue(string key, out StoredObject obj) => _byKey.TryGetValue(key, out obj!);

    /// <summary>Stores <paramref name="obj"/> under <paramref name="key"/>, replacing any object there.</summary>
    public void Set(string key, StoredObject obj)
    {
        if (_byKey.TryAdd(key, obj))
        {
            _keys.Insert(~_keys.BinarySearch(key, StringComparer.Ordinal), key);
            return;
        }

        _byKey[key] = obj;
    }

    public bool Remove(string key)
    {
        if (!_byKey.Remove(key))
        {
            return false;
        }

        _keys.RemoveAt(_keys.BinarySearch(key, StringComparer.Ordinal));
        return true;
    }

    /// <summary>
    /// The positions [start, end) of the objects in namespace <paramref name="ns"/> (of every object when null): one
    /// namespace's objects are the contiguous run of keys from "ns/" up to "ns0", '0' being the character after '/'.
    /// </summary>
    public (int Start, int End) Range(string? ns) =>
        ns is null ? (0, _keys.Count) : (LowerBound(ns + "/"), LowerBound(ns + "0"));

    /// <summary>The position of the first key after <paramref name="key"/>, which need not be stored any more.</summary>
    public int PositionAfter(string key)
    {
        var found = _keys.BinarySearch(key, StringComparer.Ordinal);
        return found >= 0 ? found + 1 : ~found;
    }

    private int LowerBound(string key)
    {
        var found = _keys.BinarySearch(key, StringComparer.Ordinal);
        return found >= 0 ? found : ~found;
    }
}
