using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>The built-in resources the emulator serves, with kube's short names and printer columns.</summary>
internal static class BuiltInResources
{
    private static readonly PrinterColumn Age = new("Age", "date", ".metadata.creationTimestamp", "CreationTimestamp is a timestamp representing the server time when this object was created.");

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Core("namespaces", "namespace", "Namespace", namespaced: false, ["ns"], statusSubresource: true,
        [
            new("Status", "string", ".status.phase", "The phase of the namespace"),
            Age,
        ]) with { SelectableFields = ["status.phase"] },
        Core("secrets", "secret", "Secret", namespaced: true, [], statusSubresource: false,
        [
            new("Type", "string", ".type", "The type of the secret"),
            new("Data", "integer", "", "The number of entries in the secret data") { Compute = CountOf("data") },
            Age,
        ]) with { SelectableFields = ["type"] },
        Core("configmaps", "configmap", "ConfigMap", namespaced: true, ["cm"], statusSubresource: false,
        [
            new("Data", "integer", "", "The number of entries in the config map data") { Compute = CountData },
            Age,
        ]),
        Core("events", "event", "Event", namespaced: true, ["ev"], statusSubresource: false,
        [
            new("Last Seen", "date", ".lastTimestamp", "Time of the last occurrence"),
            new("Type", "string", ".type", "Type of the event"),
            new("Reason", "string", ".reason", "Why the event happened"),
            new("Object", "string", "", "The object the event is about") { Compute = InvolvedObject },
            new("Message", "string", ".message", "A human-readable description"),
        ]) with
        {
            SelectableFields =
            [
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                "reason", "reportingComponent", "source", "type",
            ],
        },
        new ResourceType
        {
            Group = "events.k8s.io", Plural = "events", Singular = "event", Kind = "Event", ListKind = "EventList",
            Namespaced = true, ShortNames = ["ev"], Alias = StorageAlias.EventsOverCoreEvents,
            Versions = [new ResourceVersionInfo("v1", Storage: true, Schema: null, StatusSubresource: false,
            [
                new("Type", "string", ".type", "Type of the event"),
                new("Reason", "string", ".reason", "Why the event happened"),
                new("Note", "string", ".note", "A human-readable description"),
                Age,
            ])],
        },
        new ResourceType
        {
            Group = "coordination.k8s.io", Plural = "leases", Singular = "lease", Kind = "Lease", ListKind = "LeaseList",
            Namespaced = true,
            Versions = [new ResourceVersionInfo("v1", Storage: true, Schema: null, StatusSubresource: false,
            [
                new("Holder", "string", ".spec.holderIdentity", "The identity of the lease holder"),
                Age,
            ])],
        },
        new ResourceType
        {
            Group = "apiextensions.k8s.io", Plural = "customresourcedefinitions", Singular = "customresourcedefinition",
            Kind = "CustomResourceDefinition", ListKind = "CustomResourceDefinitionList", Namespaced = false,
            ShortNames = ["crd", "crds"], TracksGeneration = true,
            Versions = [new ResourceVersionInfo("v1", Storage: true, Schema: null, StatusSubresource: true,
            [
                new("Created At", "date", ".metadata.creationTimestamp", "When the definition was created") { Compute = CreatedAt },
            ])],
        },
    ];

    public static ResourceType Namespaces => All[0];

    public static ResourceType Secrets => All[1];

    public static ResourceType ConfigMaps => All[2];

    public static ResourceType CustomResourceDefinitions => All[^1];

    private static ResourceType Core(string plural, string singular, string kind, bool namespaced, IReadOnlyList<string> shortNames, bool statusSubresource, IReadOnlyList<PrinterColumn> columns) => new()
    {
        Group = "", Plural = plural, Singular = singular, Kind = kind, ListKind = kind + "List", Namespaced = namespaced,
        ShortNames = shortNames,
        Versions = [new ResourceVersionInfo("v1", Storage: true, Schema: null, statusSubresource, columns)],
    };

    /// <summary>kube prints a CRD's creation time as RFC 3339, not as an age.</summary>
    private static JsonNode? CreatedAt(JsonObject obj) => obj["metadata"]?["creationTimestamp"]?.DeepClone();

    private static Func<JsonObject, JsonNode?> CountOf(string field) => obj => obj[field] is JsonObject map ? map.Count : 0;

    private static JsonNode? CountData(JsonObject obj) =>
        ((obj["data"] as JsonObject)?.Count ?? 0) + ((obj["binaryData"] as JsonObject)?.Count ?? 0);

    private static JsonNode? InvolvedObject(JsonObject obj) =>
        obj["involvedObject"] is JsonObject involved
            ? $"{involved["kind"]?.GetValue<string>().ToLowerInvariant()}/{involved["name"]?.GetValue<string>()}"
            : "";
}
