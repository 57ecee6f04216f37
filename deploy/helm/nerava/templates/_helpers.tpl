{{- define "nerava.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nerava.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "nerava.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "nerava.labels" -}}
app.kubernetes.io/name: {{ include "nerava.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "nerava.selector" -}}
app.kubernetes.io/name: {{ include "nerava.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "nerava.secretName" -}}
{{- default (include "nerava.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{/* Environment shared by web, worker and migrate: the settings, then every key of the Secret. */}}
{{- define "nerava.envFrom" -}}
envFrom:
  - secretRef:
      name: {{ include "nerava.secretName" . }}
{{- end -}}

{{- define "nerava.settings" -}}
- name: NODE_ENV
  value: production
{{- range $key, $value := .Values.env }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}
