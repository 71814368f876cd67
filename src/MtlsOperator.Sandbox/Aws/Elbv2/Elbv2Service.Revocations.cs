using System.Globalization;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pem;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

internal sealed partial class Elbv2Service
{
    private object?[] AddTrustStoreRevocations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var contents = p.StructList("RevocationContents");
        if (store.RevocationEntries.Count + contents.Count > MaxRevocationsPerTrustStore)
        {
            throw new AwsServiceException("TooManyTrustStoreRevocationEntries", $"A trust store can hold at most {MaxRevocationsPerTrustStore} revocation lists");
        }

        var added = new List<Elbv2TrustStoreRevocation>();
        foreach (var content in contents)
        {
            var type = content.Get("RevocationType") ?? "CRL";
            if (type != "CRL")
            {
                throw new AwsServiceException("InvalidRevocationContent", $"Revocation type '{type}' is not supported");
            }

            var bucket = content.Get("S3Bucket");
            var key = content.Get("S3Key");
            var version = content.Get("S3ObjectVersion");
            S3ObjectVersion? stored = null;
            if (bucket is not null && key is not null)
            {
                lock (s3.Gate)
                {
                    stored = s3.GetObject(bucket, key, version);
                }
            }

            if (stored is null)
            {
                throw new AwsServiceException("RevocationContentNotFound", $"The revocation content 's3://{bucket}/{key}' was not found");
            }

            var crl = ParseCrl(stored.Content, store);
            added.Add(new Elbv2TrustStoreRevocation(store.NextRevocationId++, type, bucket!, key!, stored.VersionId, stored.Content, crl.RevokedSerialNumbers));
        }

        store.RevocationEntries.AddRange(added);
        return [query.Members("TrustStoreRevocations", added, r => RevocationMembers(store, r))];
    }

    private static RevocationList ParseCrl(byte[] content, Elbv2TrustStore store)
    {
        if (!PemBlock.TryReadAll(content, out var blocks) || blocks.Count != 1 || blocks[0].Label != "X509 CRL"
            || !RevocationList.TryParse(blocks[0].Der, out var crl) || crl is null)
        {
            throw new AwsServiceException("InvalidRevocationContent", "The revocation content must be one PEM-encoded X.509 CRL");
        }

        var issuer = store.CaCertificates.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(crl.Issuer.RawData))
            ?? throw new AwsServiceException("InvalidRevocationContent", $"The CRL issuer '{crl.Issuer.Name}' is not a CA in trust store '{store.Name}'");
        if (!crl.IsSignedBy(issuer))
        {
            throw new AwsServiceException("InvalidRevocationContent", $"The CRL signature does not verify with the certificate of '{crl.Issuer.Name}'");
        }

        return crl;
    }

    private object?[] RevocationMembers(Elbv2TrustStore store, Elbv2TrustStoreRevocation r) =>
    [
        query.E("TrustStoreArn", store.Arn),
        query.E("RevocationId", r.RevocationId),
        query.E("RevocationType", r.RevocationType),
        query.E("NumberOfRevokedEntries", r.RevokedSerialNumbers.Count),
    ];

    private object?[] RemoveTrustStoreRevocations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var ids = p.List("RevocationIds").Select(ParseRevocationId).ToList();
        foreach (var id in ids)
        {
            FindRevocation(store, id);
        }

        store.RevocationEntries.RemoveAll(r => ids.Contains(r.RevocationId));
        return [];
    }

    private object?[] DescribeTrustStoreRevocations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var ids = p.List("RevocationIds").Select(ParseRevocationId).ToList();
        var found = ids.Count > 0 ? ids.Select(id => FindRevocation(store, id)).ToList() : store.RevocationEntries.ToList();
        var (page, next) = Page(found, p);
        return [query.Members("TrustStoreRevocations", page, r => RevocationMembers(store, r)), next is null ? null : query.E("NextMarker", next)];
    }

    private object?[] GetTrustStoreRevocationContent(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var revocation = FindRevocation(store, ParseRevocationId(p.Required("RevocationId")));
        return [query.E("Location", downloads.Publish(revocation.Content).ToString())];
    }

    private static long ParseRevocationId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new AwsServiceException("RevocationIdNotFound", $"Revocation id '{text}' not found");

    private static Elbv2TrustStoreRevocation FindRevocation(Elbv2TrustStore store, long id) =>
        store.RevocationEntries.Find(r => r.RevocationId == id)
            ?? throw new AwsServiceException("RevocationIdNotFound", $"Revocation id '{id}' not found in trust store '{store.Name}'");
}
