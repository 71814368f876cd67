using System.Globalization;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Storage;
using MtlsOperator.Sandbox.Kubernetes.Validation;

namespace MtlsOperator.Sandbox.Kubernetes.Registry;

/// <summary>
/// The verbs of kube's generic registry over the store: create, update, patch and delete with kube's
/// preconditions, optimistic concurrency, validation, finalizers and CRD registration.
/// </summary>
internal sealed class ObjectRegistry
{
    private const string ForegroundDeletion = "foregroundDeletion";
    private const int MaxRetries = 64;
    private readonly ObjectStore _store;
    private readonly ResourceRegistry _resources;
    private readonly TimeProvider _time;

    public ObjectRegistry(ObjectStore store, ResourceRegistry resources, TimeProvider time)
    {
        _store = store;
        _resources = resources;
        _time = time;
    }

    public ResourceRegistry Resources => _resources;

    public ObjectStore Store => _store;

    public string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public StoredObject Get(ResourceType type, string ns, string name) =>
        _store.Get(new ObjectKey(type.StorageId, ns, name)) ?? throw KubeApiException.NotFound(type.GroupResource, name);

    public WriteResult Create(ResourceType type, string version, string ns, JsonObject obj, WriteOptions options)
    {
        CheckKind(type, version, obj);
        (type, version, obj) = ToStorage(type, version, obj);
        var metadata = obj.Metadata();
        if (type.Namespaced)
        {
            var bodyNamespace = obj.MetaString("namespace");
            if (bodyNamespace.Length > 0 && bodyNamespace != ns)
            {
                throw KubeApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        var errors = ResourceStrategy.AssignAndValidateName(type, obj);
        var name = obj.MetaString("name");
        if (errors.Count > 0)
        {
            throw KubeApiException.Invalid(type.GroupKind, name, errors);
        }

        if (type.Namespaced)
        {
            var owner = _store.Get(new ObjectKey(BuiltInResources.Namespaces.Id, "", ns))
                ?? throw KubeApiException.NotFound(BuiltInResources.Namespaces.GroupResource, ns);
            if (owner.Deleting)
            {
                throw new KubeApiException(403, "Forbidden", $"{type.Plural} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated", name, type.Group, type.Plural,
                    [new StatusCause("NamespaceTerminating", $"namespace {ns} is being terminated", "metadata.namespace")]);
            }
        }

        var now = Now();
        ResourceStrategy.PrepareForCreate(type, obj, now);
        SetStorageVersion(type, obj);
        ResourceStrategy.CheckSecretData(type, obj);
        ObjectMetaValidator.Validate(obj, errors);
        ConfigDataValidator.Validate(type, obj, null, errors);
        var warnings = Validate(type, version, obj, options, errors);
        ResourceType? defined = null;
        if (type == BuiltInResources.CustomResourceDefinitions)
        {
            defined = CustomResourceDefinitionReader.Read(obj);
            obj["status"] = CustomResourceDefinitionReader.EstablishedStatus(obj, now);
        }

        if (errors.Count > 0)
        {
            throw KubeApiException.Invalid(type.GroupKind, name, errors);
        }

        if (options.DryRun)
        {
            return new WriteResult(StoredObject.Capture(type.Id, obj, 0), warnings);
        }

        var stored = _store.Create(type, obj);
        if (defined is not null)
        {
            _resources.Register(defined);
        }

        return new WriteResult(stored, warnings);
    }

    public WriteResult Update(ResourceType type, string version, string ns, string name, JsonObject obj, bool statusOnly, WriteOptions options)
    {
        CheckKind(type, version, obj);
        (type, version, obj) = ToStorage(type, version, obj);
        var bodyName = obj.MetaString("name");
        if (bodyName.Length > 0 && bodyName != name)
        {
            throw KubeApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        if (type.Namespaced && obj.MetaString("namespace") is { Length: > 0 } bodyNamespace && bodyNamespace != ns)
        {
            throw KubeApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        var requested = obj.MetaString("resourceVersion");
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Get(type, ns, name);
            if (requested.Length > 0 && requested != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw KubeApiException.StaleResourceVersion(type.GroupResource, name);
            }

            if (Commit(type, version, current, obj, statusOnly, options) is { } result)
            {
                return result;
            }

            if (requested.Length > 0)
            {
                throw KubeApiException.StaleResourceVersion(type.GroupResource, name);
            }
        }

        throw KubeApiException.StaleResourceVersion(type.GroupResource, name);
    }

    /// <summary>Applies <paramref name="patch"/> to the latest object, retrying on concurrent writes unless the patch pins a resourceVersion.</summary>
    public WriteResult Patch(ResourceType type, string version, string ns, string name, Func<JsonObject, JsonObject> patch, bool statusOnly, WriteOptions options)
    {
        var view = new ObjectView(type, version);
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Get(type, ns, name);
            var patched = patch(view.ToJson(current));
            if (patched.MetaString("name") != name || patched.MetaString("namespace") != current.Namespace)
            {
                throw KubeApiException.BadRequest("metadata.name and metadata.namespace cannot be changed by a patch");
            }

            if (patched.MetaString("resourceVersion") != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw KubeApiException.StaleResourceVersion(type.GroupResource, name);
            }

            CheckKind(type, version, patched);
            var (storageType, storageVersion, incoming) = ToStorage(type, version, patched);
            if (Commit(storageType, storageVersion, current, incoming, statusOnly, options) is { } result)
            {
                return result;
            }
        }

        throw KubeApiException.StaleResourceVersion(type.GroupResource, name);
    }

    /// <summary>Deletes now, or marks for deletion when finalizers remain; Removed tells which happened.</summary>
    public WriteResult Delete(ResourceType type, string ns, string name, DeleteOptions options)
    {
        type = StorageTypeOf(type);
        if (type == BuiltInResources.Namespaces && name is "default" or "kube-system" or "kube-public")
        {
            throw new KubeApiException(403, "Forbidden", $"namespaces \"{name}\" is forbidden: this namespace may not be deleted", name, kind: "namespaces");
        }

        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Get(type, ns, name);
            CheckPreconditions(type, current, options);
            if (options.DryRun)
            {
                return new WriteResult(current, [], Removed: current.Finalizers.Count == 0);
            }

            if (options.PropagationPolicy == "Orphan")
            {
                OrphanDependents(current);
            }

            var foreground = options.PropagationPolicy == "Foreground" && !current.Finalizers.Contains(ForegroundDeletion);
            var held = current.Finalizers.Count > 0 || foreground || type == BuiltInResources.Namespaces;
            var outcome = held ? MarkForDeletion(type, current, foreground) : RemoveNow(type, current);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        throw KubeApiException.StaleResourceVersion(type.GroupResource, name);
    }

    /// <summary>Sets deletionTimestamp (and foregroundDeletion, or a namespace's Terminating phase); null when the object moved on.</summary>
    private WriteResult? MarkForDeletion(ResourceType type, StoredObject current, bool foreground)
    {
        if (current.Deleting && !foreground)
        {
            return new WriteResult(current, []);
        }

        var marked = current.ToJsonObject();
        var metadata = marked.Metadata();
        if (!current.Deleting)
        {
            metadata["deletionTimestamp"] = Now();
            metadata["deletionGracePeriodSeconds"] = 0;
            if (type.TracksGeneration)
            {
                metadata["generation"] = marked.Generation() + 1;
            }
        }

        if (foreground)
        {
            metadata["finalizers"] = Strings([.. current.Finalizers, ForegroundDeletion]);
        }

        if (type == BuiltInResources.Namespaces)
        {
            marked["status"] = new JsonObject { ["phase"] = "Terminating" };
        }

        if (_store.TryUpdate(type, current.ResourceVersion, marked) is not { } pending)
        {
            return null;
        }

        if (pending.Removed)
        {
            AfterRemoval(type, pending.Object);
        }

        return new WriteResult(pending.Object, [], pending.Removed);
    }

    private WriteResult? RemoveNow(ResourceType type, StoredObject current)
    {
        if (_store.TryDelete(type, current) is not { } deleted)
        {
            return null;
        }

        AfterRemoval(type, deleted);
        return new WriteResult(deleted, [], Removed: true);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Lets the namespace go once its content is gone, as kube's namespace controller does.</summary>
    public void FinalizeNamespace(string name)
    {
        var type = BuiltInResources.Namespaces;
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            if (_store.Get(new ObjectKey(type.Id, "", name)) is not { Deleting: true } current)
            {
                return;
            }

            var finalized = current.ToJsonObject();
            if (finalized["spec"] is JsonObject spec)
            {
                spec.Remove("finalizers");
            }

            if (current.Finalizers.Count > 0)
            {
                if (_store.TryUpdate(type, current.ResourceVersion, finalized) is not null)
                {
                    return;
                }

                continue;
            }

            if (_store.TryDelete(type, current) is not null)
            {
                return;
            }
        }
    }

    /// <summary>Removes one finalizer (the GC's foregroundDeletion) with the usual update semantics.</summary>
    public void RemoveFinalizer(ResourceType type, StoredObject obj, string finalizer)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = _store.Get(obj.Key);
            if (current is null || current.Uid != obj.Uid || !current.Finalizers.Contains(finalizer))
            {
                return;
            }

            var next = current.ToJsonObject();
            next.Metadata()["finalizers"] = Strings(current.Finalizers.Where(f => f != finalizer));
            if (_store.TryUpdate(type, current.ResourceVersion, next) is { } stored)
            {
                if (stored.Removed)
                {
                    AfterRemoval(type, stored.Object);
                }

                return;
            }
        }
    }

    private WriteResult? Commit(ResourceType type, string version, StoredObject current, JsonObject incoming, bool statusOnly, WriteOptions options)
    {
        var currentJson = current.ToJsonObject();
        var next = ResourceStrategy.PrepareForUpdate(type, currentJson, incoming, statusOnly);
        SetStorageVersion(type, next);
        ResourceStrategy.CheckSecretData(type, next);
        var errors = new List<FieldError>();
        if (ResourceStrategy.CheckFinalizers(currentJson, next) is { } finalizerError)
        {
            errors.Add(finalizerError);
        }

        ObjectMetaValidator.Validate(next, errors);
        ConfigDataValidator.Validate(type, next, currentJson, errors);
        var warnings = Validate(type, version, next, options, errors);
        ResourceType? defined = null;
        if (type == BuiltInResources.CustomResourceDefinitions && !statusOnly)
        {
            defined = CustomResourceDefinitionReader.Read(next);
            next["status"] = CustomResourceDefinitionReader.EstablishedStatus(next, Now());
            if (current.ToJsonObject()["status"] is JsonObject previousStatus && JsonNode.DeepEquals(previousStatus["acceptedNames"], next["status"]!["acceptedNames"]))
            {
                next["status"] = previousStatus.DeepClone();
            }
        }

        if (errors.Count > 0)
        {
            throw KubeApiException.Invalid(type.GroupKind, current.Name, errors);
        }

        // kube skips writes that change nothing: no new resourceVersion, no watch event.
        next.Metadata()["resourceVersion"] = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        if (JsonNode.DeepEquals(next, currentJson))
        {
            return new WriteResult(current, warnings);
        }

        if (options.DryRun)
        {
            return new WriteResult(StoredObject.Capture(type.Id, next, current.ResourceVersion), warnings);
        }

        if (_store.TryUpdate(type, current.ResourceVersion, next) is not { } stored)
        {
            return null;
        }

        if (stored.Removed)
        {
            AfterRemoval(type, stored.Object);
        }
        else if (defined is not null)
        {
            _resources.Register(defined);
        }

        return new WriteResult(stored.Object, warnings, stored.Removed);
    }

    private static List<string> Validate(ResourceType type, string version, JsonObject obj, WriteOptions options, List<FieldError> errors)
    {
        var warnings = new List<string>();
        if (type.IsCustom && (type.FindVersion(version) ?? type.StorageVersion).Schema is { } schema)
        {
            var unknown = new List<string>();
            SchemaValidator.ValidateAndPrune(schema, obj, errors, unknown);
            if (unknown.Count > 0)
            {
                if (options.FieldValidation == "Strict")
                {
                    // kube's transformDecodeError wording.
                    throw KubeApiException.BadRequest($"{type.Kind} in version \"{version}\" cannot be handled as a {type.Kind}: strict decoding error: "
                        + string.Join(", ", unknown.Select(u => $"unknown field \"{u}\"")));
                }

                if (options.FieldValidation != "Ignore")
                {
                    warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
                }
            }
        }

        return warnings;
    }

    private void AfterRemoval(ResourceType type, StoredObject removed)
    {
        if (type == BuiltInResources.CustomResourceDefinitions && _resources.TryGet(removed.Name, out var defined) && defined.IsCustom)
        {
            _resources.Unregister(defined.Id);
            _store.DropResource(defined);
        }
    }

    private void OrphanDependents(StoredObject owner)
    {
        foreach (var dependent in _store.DependentsOf(owner.Uid))
        {
            if (!_resources.TryGet(dependent.Key.TypeId, out var dependentType))
            {
                continue;
            }

            for (var attempt = 0; attempt < MaxRetries; attempt++)
            {
                var current = _store.Get(dependent.Key);
                if (current is null)
                {
                    break;
                }

                var next = current.ToJsonObject();
                if (next.Metadata()["ownerReferences"] is JsonArray owners)
                {
                    var kept = owners.Where(o => o?["uid"]?.GetValue<string>() != owner.Uid).Select(o => o?.DeepClone()).ToArray();
                    if (kept.Length == 0)
                    {
                        next.Metadata().Remove("ownerReferences");
                    }
                    else
                    {
                        next.Metadata()["ownerReferences"] = new JsonArray(kept);
                    }
                }

                if (_store.TryUpdate(dependentType, current.ResourceVersion, next) is not null)
                {
                    break;
                }
            }
        }
    }

    /// <summary>For a resource served over another's store (events.k8s.io Events), the stored resource, version and form.</summary>
    private (ResourceType Type, string Version, JsonObject Obj) ToStorage(ResourceType type, string version, JsonObject obj)
    {
        if (type.Alias is not { } alias)
        {
            return (type, version, obj);
        }

        var storage = StorageTypeOf(type);
        return (storage, storage.StorageVersion.Name, alias.ToStored(obj, storage.Kind));
    }

    private ResourceType StorageTypeOf(ResourceType type) =>
        type.Alias is { } alias && _resources.TryGet(alias.StorageTypeId, out var storage) ? storage : type;

    private static void CheckPreconditions(ResourceType type, StoredObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
        {
            throw KubeApiException.Conflict(type.GroupResource, current.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        }

        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw KubeApiException.Conflict(type.GroupResource, current.Name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion}");
        }
    }

    private static void CheckKind(ResourceType type, string version, JsonObject obj)
    {
        var kind = obj["kind"] is JsonValue k && k.TryGetValue<string>(out var kindText) ? kindText : "";
        var apiVersion = obj["apiVersion"] is JsonValue a && a.TryGetValue<string>(out var apiVersionText) ? apiVersionText : "";
        if (kind.Length > 0 && kind != type.Kind)
        {
            throw KubeApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        if (apiVersion.Length > 0 && apiVersion != type.ApiVersionFor(version) && type.Versions.All(v => type.ApiVersionFor(v.Name) != apiVersion))
        {
            throw KubeApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersionFor(version)})");
        }
    }

    private static void SetStorageVersion(ResourceType type, JsonObject obj)
    {
        // Keep apiVersion and kind first, as kube serializes them.
        var rest = obj.Where(p => p.Key is not ("apiVersion" or "kind")).Select(p => (p.Key, Value: p.Value)).ToList();
        obj.Clear();
        obj["apiVersion"] = type.ApiVersionFor(type.StorageVersion.Name);
        obj["kind"] = type.Kind;
        foreach (var (key, value) in rest)
        {
            obj[key] = value;
        }
    }
}
