using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Registry;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Collection;

/// <summary>
/// kube's garbage collector and namespace controller in one background loop over the store's change feed:
/// deletes dependents whose owners are all gone (background propagation), finishes foreground deletion once
/// dependents are gone, and empties then removes terminating namespaces.
/// </summary>
internal sealed class GarbageCollector
{
    private const string ForegroundDeletion = "foregroundDeletion";
    private readonly ObjectRegistry _registry;
    private readonly Dictionary<string, StoredObject> _foregroundOwners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _terminatingNamespaces = new(StringComparer.Ordinal);

    public GarbageCollector(ObjectRegistry registry) => _registry = registry;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var changes = _registry.Store.Changes;
        try
        {
            while (await changes.WaitToReadAsync(cancellationToken))
            {
                while (changes.TryRead(out var change))
                {
                    try
                    {
                        Handle(change);
                    }
                    catch (KubeApiException)
                    {
                        // A write the collector raced with failed; the next change touching the same objects retries.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The emulator is stopping.
        }
    }

    private void Handle(Change change)
    {
        var obj = change.Object;
        var isNamespace = obj.Key.TypeId == BuiltInResources.Namespaces.Id;
        if (change.Type == ChangeType.Deleted)
        {
            _foregroundOwners.Remove(obj.Uid);
            if (isNamespace)
            {
                _terminatingNamespaces.Remove(obj.Name);
            }

            DeleteOrphans(obj.Uid);
            foreach (var owner in obj.OwnerUids.Where(_foregroundOwners.ContainsKey).ToList())
            {
                TryFinishForeground(_foregroundOwners[owner]);
            }

            if (obj.Namespace.Length > 0 && _terminatingNamespaces.Contains(obj.Namespace))
            {
                TryFinishNamespace(obj.Namespace);
            }

            return;
        }

        if (!obj.Deleting)
        {
            // An object created (or re-pointed) at owners that no longer exist is collected too, as kube's GC
            // treats dangling ownerReferences.
            if (change.Type == ChangeType.Added || !SameOwners(change.Previous, obj))
            {
                CollectIfOrphaned(obj);
            }

            return;
        }

        if (obj.Finalizers.Contains(ForegroundDeletion) && !_foregroundOwners.ContainsKey(obj.Uid))
        {
            _foregroundOwners[obj.Uid] = obj;
            foreach (var dependent in _registry.Store.DependentsOf(obj.Uid))
            {
                Delete(dependent);
            }

            TryFinishForeground(obj);
        }

        if (isNamespace && _terminatingNamespaces.Add(obj.Name))
        {
            foreach (var content in _registry.Store.InNamespace(obj.Name))
            {
                Delete(content);
            }

            TryFinishNamespace(obj.Name);
        }
    }

    private void DeleteOrphans(string ownerUid)
    {
        foreach (var dependent in _registry.Store.DependentsOf(ownerUid))
        {
            CollectIfOrphaned(dependent);
        }
    }

    /// <summary>A dependent goes only when none of its owners remain, as kube's GC decides.</summary>
    private void CollectIfOrphaned(StoredObject dependent)
    {
        if (dependent.OwnerUids.Count > 0 && dependent.OwnerUids.All(uid => !_registry.Store.ExistsWithUid(uid)))
        {
            Delete(dependent);
        }
    }

    private static bool SameOwners(StoredObject? previous, StoredObject current) =>
        previous is not null && previous.OwnerUids.SequenceEqual(current.OwnerUids, StringComparer.Ordinal);

    private void TryFinishForeground(StoredObject owner)
    {
        if (_registry.Store.DependentsOf(owner.Uid).Count == 0 && _registry.Resources.TryGet(owner.Key.TypeId, out var type))
        {
            _foregroundOwners.Remove(owner.Uid);
            _registry.RemoveFinalizer(type, owner, ForegroundDeletion);
        }
    }

    private void TryFinishNamespace(string ns)
    {
        if (_registry.Store.CountInNamespace(ns) == 0)
        {
            _registry.FinalizeNamespace(ns);
        }
    }

    private void Delete(StoredObject obj)
    {
        if (obj.Deleting || !_registry.Resources.TryGet(obj.Key.TypeId, out var type))
        {
            return;
        }

        try
        {
            _registry.Delete(type, obj.Namespace, obj.Name, new DeleteOptions("Background", obj.Uid, null, DryRun: false));
        }
        catch (KubeApiException e) when (e.Code is 404 or 409)
        {
            // Already gone, or replaced by a new object with the same name (uid precondition): not ours to delete.
        }
    }
}
