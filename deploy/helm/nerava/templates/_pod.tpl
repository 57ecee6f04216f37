{{/* The pod both Deployments run: one image, JOBS_ENABLED decides whether it runs the job workers. */}}
{{- define "nerava.pod" -}}
{{- $root := .root -}}
metadata:
  labels:
    {{- include "nerava.selector" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
  annotations:
    checksum/settings: {{ toJson $root.Values.env | sha256sum }}
spec:
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  automountServiceAccountToken: false
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: 30
  containers:
    - name: {{ .component }}
      image: {{ printf "%s:%s" $root.Values.image.repository (default $root.Chart.AppVersion $root.Values.image.tag) | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: {{ $root.Values.web.port }}
      env:
        {{- include "nerava.settings" $root | nindent 8 }}
        - name: PORT
          value: {{ $root.Values.web.port | quote }}
        - name: JOBS_ENABLED
          value: {{ .jobs | quote }}
      {{- include "nerava.envFrom" $root | nindent 6 }}
      readinessProbe:
        httpGet: { path: /api/ready, port: http }
        periodSeconds: 10
        timeoutSeconds: 5
        failureThreshold: 3
      livenessProbe:
        httpGet: { path: /api/health, port: http }
        initialDelaySeconds: 20
        periodSeconds: 20
        timeoutSeconds: 5
        failureThreshold: 3
      resources:
        {{- toYaml .resources | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      volumeMounts:
        # the root filesystem is read-only: Next's cache and temp files go to scratch volumes
        - { name: next-cache, mountPath: /app/.next/cache }
        - { name: tmp, mountPath: /tmp }
  volumes:
    - { name: next-cache, emptyDir: {} }
    - { name: tmp, emptyDir: {} }
{{- end -}}
