namespace OrleansScim.Protocol.Patch;

/// <summary>RFC 7644 §3.5.2 operations; parsed case-insensitively (Azure AD sends "Add"/"Replace"/"Remove").</summary>
public enum PatchOperationType
{
    Add,
    Replace,
    Remove,
}
