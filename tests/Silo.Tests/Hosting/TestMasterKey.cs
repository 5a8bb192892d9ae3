namespace AriaPro.Silo.Tests.Hosting;

/// <summary>The <c>ARIA_MASTER_KEY</c> every cluster-mode test silo shares (a test value: 32 fixed bytes, base64).</summary>
public static class TestMasterKey
{
    /// <summary>Base64 of the bytes 0, 1, ..., 31.</summary>
    public static readonly string Base64 = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
}
