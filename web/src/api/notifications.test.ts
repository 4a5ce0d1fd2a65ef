import { describe, expect, it } from 'vitest'
import { channelChange } from './notifications'

const base = {
  name: ' ops ', type: 'dingtalk' as const, language: 'zh-CN' as const, enabled: true, url: '', secret: '',
  smtpHost: '', smtpPort: 25, smtpUsername: '', smtpFrom: '', smtpTo: '', smtpStarttls: true,
}

describe('channelChange', () => {
  it('leaves an untyped address and secret out, so that a change keeps them', () => {
    expect(channelChange(base)).toEqual({ name: 'ops', type: 'dingtalk', language: 'zh-CN', enabled: true })
  })

  it('sends a typed address and secret', () => {
    expect(channelChange({ ...base, url: ' https://oapi.dingtalk.com/robot/send?access_token=x ', secret: 'SEC1' }))
      .toMatchObject({ url: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: 'SEC1' })
  })

  it('sends the mail server for e-mail, recipients split on commas and spaces, and never an address', () => {
    const change = channelChange({ ...base, type: 'email', url: 'https://ignored', smtpHost: 'smtp.example.com', smtpPort: 587,
      smtpFrom: 'ops@example.com', smtpTo: 'a@example.com, b@example.com;c@example.com' })
    expect(change.url).toBeUndefined()
    expect(change.smtp).toEqual({ host: 'smtp.example.com', port: 587, username: null, from: 'ops@example.com',
      to: ['a@example.com', 'b@example.com', 'c@example.com'], starttls: true })
  })
})
