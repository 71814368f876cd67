using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>Links the CA certificates of a bundle by issuer so the length of each chain can be measured.</summary>
/// <remarks>
/// Links by issuer name and, when both sides carry them, authority/subject key identifiers; signatures are
/// not checked because only the shape of the chain matters for the AWS depth limit.
/// </remarks>
internal sealed class CaChainDepth
{
    private readonly IReadOnlyList<X509Certificate2> _certificates;
    private readonly Dictionary<X509Certificate2, IReadOnlyList<X509Certificate2>> _longest = new(ReferenceEqualityComparer.Instance);

    public CaChainDepth(IReadOnlyList<X509Certificate2> certificates) => _certificates = certificates;

    /// <summary>The longest chain from a top-most CA in the bundle down to <paramref name="certificate"/>, both included.</summary>
    public IReadOnlyList<X509Certificate2> LongestChainTo(X509Certificate2 certificate) =>
        LongestChainTo(certificate, new HashSet<X509Certificate2>(ReferenceEqualityComparer.Instance));

    private IReadOnlyList<X509Certificate2> LongestChainTo(X509Certificate2 certificate, HashSet<X509Certificate2> visiting)
    {
        if (_longest.TryGetValue(certificate, out var known))
        {
            return known;
        }

        // Cross-signed CAs can form cycles; a certificate already on the path ends that path.
        visiting.Add(certificate);
        IReadOnlyList<X509Certificate2> best = [];
        foreach (var issuer in _certificates.Where(c => !visiting.Contains(c) && Issued(c, certificate)))
        {
            var chain = LongestChainTo(issuer, visiting);
            if (chain.Count > best.Count)
            {
                best = chain;
            }
        }

        visiting.Remove(certificate);
        var result = best.Append(certificate).ToList();
        _longest[certificate] = result;
        return result;
    }

    private static bool Issued(X509Certificate2 issuer, X509Certificate2 subject)
    {
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(subject.IssuerName.RawData)
            && !string.Equals(issuer.SubjectName.Name, subject.IssuerName.Name, StringComparison.Ordinal))
        {
            return false;
        }

        var authorityKeyId = subject.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()?.KeyIdentifier;
        var subjectKeyId = issuer.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes;
        return authorityKeyId is null || subjectKeyId is null || authorityKeyId.Value.Span.SequenceEqual(subjectKeyId.Value.Span);
    }
}
