{{/* The chart's name, or nameOverride. */}}
{{- define "vendo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name, used for every object: fullnameOverride, or <release>-vendo (the release alone when it contains the chart's name). */}}
{{- define "vendo.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "vendo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vendo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "vendo.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "vendo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: vendo
{{- end }}

{{- define "vendo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vendo.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "vendo.image" -}}
{{- $repository := required "image.repository is required: the image built from docker/Dockerfile, pushed to your registry" .Values.image.repository }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Vendo's application.yaml: what the chart derives from its values, with .Values.config merged over it. Secrets are
never here: they reach the pods as environment variables from the Secrets named in the values.
*/}}
{{- define "vendo.applicationYaml" -}}
{{- $oidc := dict "issuer-uri" (required "oidc.issuerUri is required: the OIDC issuer people log in with (e.g. your Cognito user pool)" .Values.oidc.issuerUri) "client-id" (required "oidc.clientId is required: the portal's app client" .Values.oidc.clientId) }}
{{- with .Values.oidc.cognitoDomain }}{{ $_ := set $oidc "cognito-domain" . }}{{ end }}
{{- with .Values.oidc.apiClientIds }}{{ $_ := set $oidc "api-client-ids" . }}{{ end }}
{{- $vendo := dict "identity" (dict "oidc" $oidc) "aws" (dict "mode" .Values.aws.mode) }}
{{- with .Values.publicUrl }}{{ $_ := set $vendo "notification" (dict "base-url" .) }}{{ end }}
{{- $derived := dict
  "spring" (dict
    "datasource" (dict "url" (required "database.url is required: the JDBC URL of Vendo's PostgreSQL database" .Values.database.url) "username" .Values.database.username)
    "lifecycle" (dict "timeout-per-shutdown-phase" (printf "%ds" (int .Values.shutdown.timeoutPerPhaseSeconds))))
  "management" (dict
    "server" (dict "port" .Values.management.port)
    "endpoint" (dict "health" (dict "probes" (dict "add-additional-paths" true))))
  "vendo" $vendo }}
{{- toYaml (mustMergeOverwrite $derived (deepCopy .Values.config)) }}
{{- end }}
