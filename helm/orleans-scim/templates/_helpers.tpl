{{/* Chart name, or nameOverride. */}}
{{- define "orleans-scim.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Object names: fullnameOverride, else "<release>-<name>". Unlike helm's scaffold this does not shorten to
the release name when that already contains the chart name: chart 0.1.0 always used "<release>-<chart>",
and renaming the Deployment on upgrade would replace the pods all at once instead of rolling them.
*/}}
{{- define "orleans-scim.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "orleans-scim.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* "<fullname>-admin", kept within 63 characters. */}}
{{- define "orleans-scim.adminName" -}}
{{- printf "%s-admin" (include "orleans-scim.fullname" . | trunc 57 | trimSuffix "-") -}}
{{- end -}}

{{- define "orleans-scim.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "orleans-scim.labels" -}}
helm.sh/chart: {{ include "orleans-scim.chart" . }}
{{ include "orleans-scim.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: orleans-scim
{{- end -}}

{{/* Selector labels: never change them (a Deployment's selector is immutable). */}}
{{- define "orleans-scim.selectorLabels" -}}
app.kubernetes.io/name: {{ include "orleans-scim.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "orleans-scim.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "orleans-scim.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret the pods read: existingSecret, else the one the chart creates. */}}
{{- define "orleans-scim.secretName" -}}
{{- default (include "orleans-scim.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{- define "orleans-scim.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* Membership provider: cluster.provider, or derived from storage.provider when "auto"/empty. */}}
{{- define "orleans-scim.clusterProvider" -}}
{{- $provider := default "auto" .Values.cluster.provider -}}
{{- if eq $provider "auto" -}}
{{- get (dict "Memory" "Localhost" "AzureTable" "AzureTable" "Redis" "Redis") .Values.storage.provider -}}
{{- else -}}
{{- $provider -}}
{{- end -}}
{{- end -}}

{{/* "true" when more than one silo can run (several replicas or an HPA). */}}
{{- define "orleans-scim.multiSilo" -}}
{{- if or .Values.autoscaling.enabled (gt (int64 .Values.replicaCount) 1) -}}true{{- end -}}
{{- end -}}

{{/* Container port that serves /metrics: the admin listener when it is separate, else the main one. */}}
{{- define "orleans-scim.metricsPortName" -}}
{{- if .Values.admin.separatePort -}}admin{{- else -}}http{{- end -}}
{{- end -}}

{{- define "orleans-scim.metricsPort" -}}
{{- if .Values.admin.separatePort -}}{{ .Values.admin.port | int64 }}{{- else -}}{{ .Values.service.targetPort | int64 }}{{- end -}}
{{- end -}}

{{/* scim.publicBaseUrl, else derived from the Ingress host. */}}
{{- define "orleans-scim.publicBaseUrl" -}}
{{- if .Values.scim.publicBaseUrl -}}
{{- .Values.scim.publicBaseUrl -}}
{{- else if and .Values.ingress.enabled .Values.ingress.host -}}
{{- printf "%s://%s" (ternary "https" "http" (gt (len .Values.ingress.tls) 0)) .Values.ingress.host -}}
{{- end -}}
{{- end -}}

{{/* One NetworkPolicy "from" list as YAML: a peer of namespaceSelector/podSelector (each only when non-empty) plus extraFrom. Empty output = no peer. */}}
{{- define "orleans-scim.networkPolicyPeers" -}}
{{- $peer := dict -}}
{{- with .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" . }}{{ end -}}
{{- with .podSelector }}{{ $_ := set $peer "podSelector" . }}{{ end -}}
{{- $peers := ternary (list $peer) list (gt (len $peer) 0) -}}
{{- $peers = concat $peers (default list .extraFrom) -}}
{{- if $peers }}{{ toYaml $peers }}{{ end -}}
{{- end -}}

{{/*
Checks that fail the render with a message saying what to change. Included once, from deployment.yaml.
*/}}
{{- define "orleans-scim.validate" -}}
{{- if not (has .Values.storage.provider (list "Memory" "AzureTable" "Redis")) -}}
{{- fail (printf "storage.provider must be Memory, AzureTable or Redis; got %v" .Values.storage.provider) -}}
{{- end -}}
{{- $cluster := include "orleans-scim.clusterProvider" . -}}
{{- if not (has $cluster (list "Localhost" "AzureTable" "Redis")) -}}
{{- fail (printf "cluster.provider must be auto, Localhost, AzureTable or Redis; got %v" .Values.cluster.provider) -}}
{{- end -}}
{{- if include "orleans-scim.multiSilo" . -}}
{{- if eq .Values.storage.provider "Memory" -}}
{{- fail "More than one pod (replicaCount > 1 or autoscaling.enabled) needs durable grain state: set storage.provider to AzureTable or Redis. Memory storage keeps state inside one pod." -}}
{{- end -}}
{{- if eq $cluster "Localhost" -}}
{{- fail "More than one pod (replicaCount > 1 or autoscaling.enabled) needs a membership provider the pods share: set cluster.provider to auto, AzureTable or Redis, not Localhost." -}}
{{- end -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled (gt (int64 .Values.autoscaling.minReplicas) (int64 .Values.autoscaling.maxReplicas)) -}}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas." -}}
{{- end -}}
{{- $grace := int64 .Values.terminationGracePeriodSeconds -}}
{{- $stop := add (int64 .Values.preStopSleepSeconds) (int64 .Values.cluster.shutdownTimeoutSeconds) -}}
{{- if le $grace $stop -}}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed preStopSleepSeconds + cluster.shutdownTimeoutSeconds (%d): otherwise the pod is killed before its silo has handed over its grains and left the cluster." $grace $stop) -}}
{{- end -}}
{{- if and .Values.kubernetes.deleteDefunctSiloPods (not .Values.kubernetes.hosting) -}}
{{- fail "kubernetes.deleteDefunctSiloPods needs kubernetes.hosting." -}}
{{- end -}}
{{- range $key := list "serviceId" "clusterId" -}}
{{- $id := toString (index $.Values.cluster $key) -}}
{{- if not (regexMatch "^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$" $id) -}}
{{- fail (printf "cluster.%s %q must be a valid label value (it becomes the pod label orleans/%s): 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit." $key $id $key) -}}
{{- end -}}
{{- end -}}
{{- $ports := list (int64 .Values.service.targetPort) (int64 .Values.cluster.siloPort) (int64 .Values.cluster.gatewayPort) -}}
{{- if .Values.admin.separatePort -}}
{{- $ports = append $ports (int64 .Values.admin.port) -}}
{{- end -}}
{{- if ne (len $ports) (len (uniq $ports)) -}}
{{- fail "service.targetPort, cluster.siloPort, cluster.gatewayPort and admin.port (with admin.separatePort) must all differ." -}}
{{- end -}}
{{- if eq .Values.storage.provider "AzureTable" -}}
{{- if and .Values.storage.tableServiceUri .Values.secrets.storageConnectionString -}}
{{- fail "Set either storage.tableServiceUri (DefaultAzureCredential) or secrets.storageConnectionString, not both." -}}
{{- end -}}
{{- end -}}
{{- if eq $cluster "AzureTable" -}}
{{- if and .Values.cluster.tableServiceUri .Values.cluster.useOwnConnectionString -}}
{{- fail "Set either cluster.tableServiceUri or cluster.useOwnConnectionString, not both." -}}
{{- end -}}
{{- if and (ne .Values.storage.provider "AzureTable") (not .Values.cluster.tableServiceUri) (not .Values.cluster.useOwnConnectionString) -}}
{{- fail "AzureTable membership without AzureTable storage needs an account of its own: cluster.tableServiceUri, or cluster.useOwnConnectionString with the Secret key cluster-connection-string." -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Which Secret keys the pods read (besides the optional admin keys): "true" or empty. */}}
{{- define "orleans-scim.usesStorageSecret" -}}
{{- if or (eq .Values.storage.provider "Redis") (and (eq .Values.storage.provider "AzureTable") (not .Values.storage.tableServiceUri)) -}}true{{- end -}}
{{- end -}}

{{- define "orleans-scim.usesClusterSecret" -}}
{{- if and (eq (include "orleans-scim.clusterProvider" .) "AzureTable") .Values.cluster.useOwnConnectionString -}}true{{- end -}}
{{- end -}}

{{- define "orleans-scim.usesRedisSecret" -}}
{{- if eq (include "orleans-scim.clusterProvider" .) "Redis" -}}true{{- end -}}
{{- end -}}

{{/*
Pod-template annotation value that changes whenever the Secret the pods read changes, so the pods roll:
the sha256 of the rendered secret.yaml when the chart makes the Secret; with existingSecret (whose
content the chart cannot see) the sha256 of its name and the secrets values.
*/}}
{{- define "orleans-scim.secretChecksum" -}}
{{- if .Values.existingSecret -}}
{{- printf "%s\n%s" .Values.existingSecret (toJson .Values.secrets) | sha256sum -}}
{{- else -}}
{{- include (print .Template.BasePath "/secret.yaml") . | sha256sum -}}
{{- end -}}
{{- end -}}
