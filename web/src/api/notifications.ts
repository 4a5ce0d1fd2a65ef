// Notification channels, rules and delivery attempts (ADMIN). Secrets are write-only: a channel
// answers only whether one is set, and its address masked.
import { http, request } from './http'
import type { Page } from './types'

export type ChannelType = 'webhook' | 'dingtalk' | 'feishu' | 'wecom' | 'email'
export type ChannelLanguage = 'zh-CN' | 'en'
export const CHANNEL_TYPES: ChannelType[] = ['webhook', 'dingtalk', 'feishu', 'wecom', 'email']
export const NOTIFICATION_EVENTS = ['RUN_FAILED', 'RUN_SUCCEEDED', 'RUN_CANCELLED', 'RUN_INTERRUPTED', 'NODE_ACCEPTANCE_FAILED', 'RUN_PENDING_APPROVAL',
  'CATALOG_PLAN_WAITING', 'HEALTH_RECOMMENDATION', 'HEALTH_LIMIT_REACHED', 'NODE_DRAINED'] as const
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]

export interface Smtp {
  host: string
  port: number
  username?: string | null
  from: string
  to: string[]
  starttls: boolean
}

export interface NotificationChannel {
  id: number
  name: string
  type: ChannelType
  language: ChannelLanguage
  enabled: boolean
  url?: string | null
  smtp?: Smtp | null
  secretSet: boolean
  createdAt: string
  createdBy: string
}

/** Create or change; on a change, url and secret left out (undefined) are kept. */
export interface ChannelChange {
  name: string
  type: ChannelType
  language: ChannelLanguage
  enabled: boolean
  url?: string
  smtp?: Smtp
  secret?: string
}

export interface NotificationRule {
  id: number
  channelId: number
  channelName: string
  jobId?: number | null
  events: NotificationEvent[]
  enabled: boolean
}

export interface RuleChange {
  channelId: number
  jobId: number | null
  events: NotificationEvent[]
  enabled: boolean
}

export interface DeliveryAttempt {
  deliveryId: number
  event: NotificationEvent | 'TEST'
  runId?: number | null
  nodeId?: number | null
  attempt: number
  status: 'SUCCEEDED' | 'FAILED'
  responseCode?: number | null
  error?: string | null
  durationMs: number
  at: string
  deliveryStatus: 'PENDING' | 'SUCCEEDED' | 'FAILED'
}

const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body)
const del = (path: string) => request<void>('DELETE', path)

export const notificationChannels = {
  list: () => http.get<Page<NotificationChannel>>('/notification-channels', { size: 500 }),
  create: (change: ChannelChange) => http.post<NotificationChannel>('/notification-channels', change),
  update: (id: number, change: ChannelChange) => put<NotificationChannel>(`/notification-channels/${id}`, change),
  remove: (id: number) => del(`/notification-channels/${id}`),
  test: (id: number) => http.post<{ deliveryId: number }>(`/notification-channels/${id}/test`, {}),
  attempts: (id: number) => http.get<Page<DeliveryAttempt>>(`/notification-channels/${id}/deliveries`, { size: 100 }),
}

export const notificationRules = {
  list: () => http.get<Page<NotificationRule>>('/notification-rules', { size: 500 }),
  create: (change: RuleChange) => http.post<NotificationRule>('/notification-rules', change),
  update: (id: number, change: RuleChange) => put<NotificationRule>(`/notification-rules/${id}`, change),
  remove: (id: number) => del(`/notification-rules/${id}`),
}

/** The body to send for a channel form: secrets and addresses only when typed, SMTP only for e-mail. */
export function channelChange(form: {
  name: string; type: ChannelType; language: ChannelLanguage; enabled: boolean; url: string; secret: string
  smtpHost: string; smtpPort: number; smtpUsername: string; smtpFrom: string; smtpTo: string; smtpStarttls: boolean
}): ChannelChange {
  const change: ChannelChange = { name: form.name.trim(), type: form.type, language: form.language, enabled: form.enabled }
  if (form.type === 'email') {
    change.smtp = {
      host: form.smtpHost.trim(), port: form.smtpPort, username: form.smtpUsername.trim() || null, from: form.smtpFrom.trim(),
      to: form.smtpTo.split(/[,;\s]+/).map((a) => a.trim()).filter(Boolean), starttls: form.smtpStarttls,
    }
  } else if (form.url.trim()) {
    change.url = form.url.trim()
  }
  if (form.secret) change.secret = form.secret
  return change
}
