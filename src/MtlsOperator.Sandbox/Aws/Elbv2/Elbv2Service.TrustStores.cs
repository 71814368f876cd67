using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

internal sealed partial class Elbv2Service
{
    private object?[] CreateTrustStore(AwsRequest request, QueryParameters p)
    {
        var name = p.Required("Name");
        if (!TrustStoreNamePattern().IsMatch(name))
        {
            throw new AwsServiceException("ValidationError", $"Trust store name '{name}' must be 1-32 letters, digits or hyphens and must not begin or end with a hyphen");
        }

        if (state.TrustStoresByArn.Values.Any(t => t.Name == name && t.Region == request.Region))
        {
            throw new AwsServiceException("DuplicateTrustStoreName", $"A trust store with the name '{name}' already exists");
        }

        if (state.TrustStoresByArn.Values.Count(t => t.Region == request.Region) >= MaxTrustStores)
        {
            throw new AwsServiceException("TooManyTrustStores", $"You have reached the limit of {MaxTrustStores} trust stores");
        }

        var tags = ParseTags(p);
        var (bundle, certificates, source) = ReadBundle(p);
        var store = state.AddTrustStore(request.Region, name);
        store.Bundle = bundle;
        store.CaCertificates = certificates;
        store.BundleSource = source;
        state.Tags[store.Arn] = tags;
        return [query.Members("TrustStores", [store], TrustStoreMembers)];
    }

    private (byte[] Bundle, IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> Certificates, (string, string, string) Source) ReadBundle(QueryParameters p)
    {
        var bucket = p.Required("CaCertificatesBundleS3Bucket");
        var key = p.Required("CaCertificatesBundleS3Key");
        var version = p.Get("CaCertificatesBundleS3ObjectVersion");
        S3ObjectVersion? stored;
        lock (s3.Gate)
        {
            stored = s3.GetObject(bucket, key, version);
        }

        if (stored is null)
        {
            throw new AwsServiceException("CaCertificatesBundleNotFound", $"The CA certificates bundle 's3://{bucket}/{key}'{(version is null ? string.Empty : $" version '{version}'")} was not found");
        }

        return (stored.Content, TrustStoreBundle.Validate(stored.Content), (bucket, key, stored.VersionId));
    }

    private object?[] TrustStoreMembers(Elbv2TrustStore t) =>
    [
        query.E("Name", t.Name),
        query.E("TrustStoreArn", t.Arn),
        query.E("Status", state.StatusOf(t)),
        query.E("NumberOfCaCertificates", t.CaCertificates.Count),
        query.E("TotalRevokedEntries", t.TotalRevokedEntries),
    ];

    private object?[] DescribeTrustStores(AwsRequest request, QueryParameters p)
    {
        var arns = p.List("TrustStoreArns");
        var names = p.List("Names");
        List<Elbv2TrustStore> found;
        if (arns.Count > 0)
        {
            found = arns.Select(FindTrustStore).ToList();
        }
        else if (names.Count > 0)
        {
            found = names.Select(n => state.TrustStoresByArn.Values.FirstOrDefault(t => t.Name == n && t.Region == request.Region) ?? throw TrustStoreNotFound(n)).ToList();
        }
        else
        {
            found = state.TrustStoresByArn.Values.Where(t => t.Region == request.Region).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        }

        var (page, next) = Page(found, p);
        return [query.Members("TrustStores", page, TrustStoreMembers), next is null ? null : query.E("NextMarker", next)];
    }

    private object?[] ModifyTrustStore(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var (bundle, certificates, source) = ReadBundle(p);
        store.Bundle = bundle;
        store.CaCertificates = certificates;
        store.BundleSource = source;
        return [query.Members("TrustStores", [store], TrustStoreMembers)];
    }

    private object?[] DeleteTrustStore(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        if (state.Listeners.Values.Any(l => l.MutualAuthentication.TrustStoreArn == store.Arn))
        {
            throw new AwsServiceException("TrustStoreInUse", $"Trust store '{store.Name}' is associated with one or more listeners");
        }

        state.TrustStoresByArn.Remove(store.Arn);
        state.Tags.Remove(store.Arn);
        return [];
    }

    private object?[] DescribeTrustStoreAssociations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var balancers = state.Listeners.Values
            .Where(l => l.MutualAuthentication.TrustStoreArn == store.Arn)
            .Select(l => l.LoadBalancerArn)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var (page, next) = Page(balancers, p);
        return [query.Members("TrustStoreAssociations", page, a => new object?[] { query.E("ResourceArn", a) }), next is null ? null : query.E("NextMarker", next)];
    }

    private object?[] GetTrustStoreCaCertificatesBundle(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        return [query.E("Location", downloads.Publish(store.Bundle).ToString())];
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrustStoreNamePattern();
}
