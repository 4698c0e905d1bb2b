namespace OrleansScim.Protocol.Filters;

/// <summary>
/// An equality every resource matching a filter satisfies, e.g. <c>(emails.value, "a@x", false)</c>:
/// what an index lookup may use to narrow the candidates before the full filter runs.
/// </summary>
/// <param name="Path">Canonical path, e.g. <c>userName</c>, <c>emails.value</c>, <c>members.value</c>, <c>urn:…:User:employeeNumber</c>.</param>
/// <param name="Value">The literal compared with.</param>
/// <param name="CaseExact">Whether the attribute compares ordinally (otherwise ignoring case).</param>
public sealed record FilterEquality(string Path, string Value, bool CaseExact);
