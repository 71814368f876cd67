using System.Globalization;
using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Errors;

/// <summary>A request failure carried as a kube-apiserver <c>Status</c> object.</summary>
internal sealed class KubeApiException : Exception
{
    public KubeApiException(int code, string reason, string message, string? name = null, string? group = null, string? kind = null, IReadOnlyList<StatusCause>? causes = null, int? retryAfterSeconds = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Name = name;
        Group = group;
        Kind = kind;
        Causes = causes ?? [];
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int Code { get; }

    public string Reason { get; }

    public string? Name { get; }

    public string? Group { get; }

    public string? Kind { get; }

    public IReadOnlyList<StatusCause> Causes { get; }

    public int? RetryAfterSeconds { get; }

    /// <summary>The Status object exactly as kube-apiserver shapes it (empty fields omitted).</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        var details = new JsonObject();
        if (!string.IsNullOrEmpty(Name))
        {
            details["name"] = Name;
        }

        if (!string.IsNullOrEmpty(Group))
        {
            details["group"] = Group;
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            details["kind"] = Kind;
        }

        if (Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var cause in Causes)
            {
                var item = new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message };
                if (cause.Field is not null)
                {
                    item["field"] = cause.Field;
                }

                causes.Add(item);
            }

            details["causes"] = causes;
        }

        if (RetryAfterSeconds is { } retry)
        {
            details["retryAfterSeconds"] = retry;
        }

        if (details.Count > 0)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    public static KubeApiException NotFound(GroupResource resource, string name) =>
        new(404, "NotFound", $"{resource} \"{name}\" not found", name, resource.Group, resource.Resource);

    public static KubeApiException AlreadyExists(GroupResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource} \"{name}\" already exists", name, resource.Group, resource.Resource);

    public static KubeApiException Conflict(GroupResource resource, string name, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": {detail}", name, resource.Group, resource.Resource);

    public static KubeApiException StaleResourceVersion(GroupResource resource, string name) =>
        Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static KubeApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static KubeApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static KubeApiException UnsupportedMediaType(string message) => new(415, "UnsupportedMediaType", message);

    public static KubeApiException Gone(string message) => new(410, "Gone", message);

    public static KubeApiException Expired(string message) => new(410, "Expired", message);

    /// <summary>422 with one cause per field path; the message lists them like kube's aggregate error.</summary>
    public static KubeApiException Invalid(GroupKind kind, string name, IReadOnlyList<FieldError> errors)
    {
        var rendered = errors.Select(e => e.ToString()).ToList();
        var list = rendered.Count == 1 ? rendered[0] : "[" + string.Join(", ", rendered) + "]";
        var causes = errors.Select(e => new StatusCause(e.Reason, e.Detail, e.Field)).ToList();
        return new KubeApiException(422, "Invalid", $"{kind} \"{name}\" is invalid: {list}", name, kind.Group, kind.Kind, causes);
    }

    /// <summary>The shape kube's generic server response gives a failing JSON patch <c>test</c>.</summary>
    public static KubeApiException UnprocessablePatch(string detail) =>
        new(422, "Invalid", "the server rejected our request due to an error in our request", causes: [new StatusCause("UnexpectedServerResponse", detail, null)]);

    public static KubeApiException Internal(string detail) =>
        new(500, "InternalError", $"Internal error occurred: {detail}", causes: [new StatusCause("", detail, null)]);

    /// <summary>The status a fault switch injects for an HTTP code.</summary>
    public static KubeApiException ForInjectedFault(int code)
    {
        var (reason, message) = code switch
        {
            400 => ("BadRequest", "injected fault: bad request"),
            401 => ("Unauthorized", "Unauthorized"),
            403 => ("Forbidden", "injected fault: forbidden"),
            404 => ("NotFound", "injected fault: the server could not find the requested resource"),
            409 => ("Conflict", "injected fault: the object has been modified; please apply your changes to the latest version and try again"),
            410 => ("Expired", "injected fault: too old resource version"),
            429 => ("TooManyRequests", "injected fault: too many requests, please try again later"),
            500 => ("InternalError", "injected fault: an error on the server (\"\") has prevented the request from succeeding"),
            503 => ("ServiceUnavailable", "injected fault: the server is currently unable to handle the request"),
            504 => ("Timeout", "injected fault: the server was unable to return a response in the time allotted"),
            _ => ("", string.Create(CultureInfo.InvariantCulture, $"injected fault: the server responded with the status code {code}")),
        };
        return new KubeApiException(code, reason, message, retryAfterSeconds: code is 429 or 503 ? 1 : null);
    }
}
