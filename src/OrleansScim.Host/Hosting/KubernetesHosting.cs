namespace OrleansScim.Host.Hosting;

/// <summary>
/// Whether the host runs in a Kubernetes pod, where <c>Microsoft.Orleans.Hosting.Kubernetes</c> is used.
/// Kubernetes sets <c>KUBERNETES_SERVICE_HOST</c> in every container; <c>Cluster:KubernetesHosting=false</c>
/// turns the package off there (a pod without the ServiceAccount it needs to watch pods).
/// </summary>
internal static class KubernetesHosting
{
    /// <summary>Bound to the package's <c>KubernetesHostingOptions</c> (e.g. <c>Cluster__Kubernetes__DeleteDefunctSiloPods</c>).</summary>
    public const string Section = "Cluster:Kubernetes";

    public static bool IsInCluster(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["KUBERNETES_SERVICE_HOST"]) && configuration.GetValue("Cluster:KubernetesHosting", true);
}
