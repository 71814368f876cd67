using System.Text;
using System.Xml;
using System.Xml.Linq;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.Protocols;

/// <summary>The awsQuery protocol (ELBv2, STS): POST / with a form body, XML replies wrapped in <c>&lt;ActionResult&gt;</c>.</summary>
public sealed class AwsQueryClient(AwsServiceChannel channel, string apiVersion)
{
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Calls <paramref name="action"/> and returns its <c>&lt;ActionResult&gt;</c> element (empty when the reply has none).</summary>
    public async Task<XElement> SendAsync(string action, AwsQueryParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var form = new AwsQueryParameters().Add("Action", action).Add("Version", apiVersion);
        foreach (var (name, value) in parameters.Values)
        {
            form.Add(name, value);
        }

        var request = new AwsHttpRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form.Encode()), FormContentType, AwsHttpRequest.NoHeaders);
        var reply = await channel.SendAsync(request, AwsQueryErrorReader.Instance, cancellationToken).ConfigureAwait(false);
        if (reply.Body.Length == 0)
        {
            return new XElement(action + "Result");
        }

        XElement root;
        try
        {
            root = XDocument.Parse(Encoding.UTF8.GetString(reply.Body)).Root!;
        }
        catch (XmlException e)
        {
            throw MalformedReply.Create(channel, action, reply, e);
        }

        return root.Child(action + "Result") ?? new XElement(action + "Result");
    }

    /// <summary>
    /// Follows <c>Marker</c>/<c>NextMarker</c> to the last page, collecting the members of <paramref name="listName"/>;
    /// <paramref name="pageSize"/> (null: the service default) is sent as <c>PageSize</c>.
    /// </summary>
    public async Task<IReadOnlyList<T>> SendPagedAsync<T>(string action, AwsQueryParameters parameters, string listName, Func<XElement, T> read, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(read);
        var items = new List<T>();
        string? marker = null;
        do
        {
            var page = new AwsQueryParameters();
            foreach (var (name, value) in parameters.Values)
            {
                page.Add(name, value);
            }

            page.Add("Marker", marker).Add("PageSize", pageSize);
            var result = await SendAsync(action, page, cancellationToken).ConfigureAwait(false);
            items.AddRange(result.Members(listName).Select(read));
            var next = result.Text("NextMarker");
            marker = string.IsNullOrEmpty(next) || next == marker ? null : next;
        }
        while (marker is not null);

        return items;
    }
}
