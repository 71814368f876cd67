namespace MtlsOperator.Aws.S3;

/// <summary>An object's content together with its <see cref="StoredObjectInfo"/>.</summary>
public sealed record StoredObject(ReadOnlyMemory<byte> Content, StoredObjectInfo Info);
