using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Tables;

/// <summary>Builds <c>meta.k8s.io/v1</c> Table responses from a resource's printer columns, as kubectl get asks for.</summary>
internal sealed class TableBuilder
{
    private static readonly PrinterColumn AgeColumn = new("Age", "date", ".metadata.creationTimestamp", "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.");
    private readonly ResourceType _type;
    private readonly ObjectView _view;
    private readonly string _includeObject;
    private readonly DateTimeOffset _now;
    private readonly IReadOnlyList<PrinterColumn> _columns;

    public TableBuilder(ResourceType type, string version, string? includeObject, DateTimeOffset now)
    {
        _type = type;
        _view = new ObjectView(type, version);
        _includeObject = string.IsNullOrEmpty(includeObject) ? "Metadata" : includeObject;
        _now = now;
        var columns = (type.FindVersion(version) ?? type.StorageVersion).PrinterColumns;
        _columns = columns.Count == 0 ? [AgeColumn] : columns;
    }

    public JsonObject Table(IEnumerable<StoredObject> objects, long resourceVersion, string? continueToken)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = ColumnDefinitions(),
            ["rows"] = new JsonArray(objects.Select(o => (JsonNode?)Row(o)).ToArray()),
        };
    }

    private JsonArray ColumnDefinitions()
    {
        var definitions = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "Name",
                ["type"] = "string",
                ["format"] = "name",
                ["description"] = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
                ["priority"] = 0,
            },
        };
        foreach (var column in _columns)
        {
            definitions.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Format,
                ["description"] = column.Description,
                ["priority"] = column.Priority,
            });
        }

        return definitions;
    }

    private JsonObject Row(StoredObject stored)
    {
        var obj = _view.ToJson(stored);
        var cells = new JsonArray { stored.Name };
        foreach (var column in _columns)
        {
            cells.Add(Cell(column, obj));
        }

        var row = new JsonObject { ["cells"] = cells };
        if (_includeObject == "Object")
        {
            row["object"] = obj;
        }
        else if (_includeObject != "None")
        {
            row["object"] = new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = obj["metadata"]?.DeepClone(),
            };
        }

        return row;
    }

    private JsonNode? Cell(PrinterColumn column, JsonObject obj)
    {
        if (column.Compute is { } compute)
        {
            return compute(obj);
        }

        var value = SimpleJsonPath.First(obj, column.JsonPath);
        if (value is null)
        {
            return null;
        }

        switch (column.Type)
        {
            case "date":
                return value is JsonValue v && v.TryGetValue<string>(out var text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                        ? HumanDuration.Format(_now - at)
                        : "<unknown>";
            case "string":
                return value.GetValueKind() == JsonValueKind.String ? value.DeepClone() : value.ToJsonString();
            default:
                return value.DeepClone();
        }
    }

    public string Kind => _type.Kind;
}
