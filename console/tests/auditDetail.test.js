import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../src/i18n.js'
import { auditDetail } from '../src/auditDetail.js'

const t = (...args) => i18n.global.t(...args)
const week = JSON.stringify({ until: '2026-12-08T16:30:00Z', durationSeconds: 604800, reason: '刷单' })
const forever = JSON.stringify({ until: null, durationSeconds: null, reason: null })

describe('auditDetail', () => {
  afterEach(() => (i18n.global.locale.value = 'zh-CN'))

  it('words a timed ban in Chinese, with its end in the operator zone and the reason', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(auditDetail('user_banned', week, t, 'zh-CN', 'Asia/Shanghai'))
      .toBe('封禁 7 天，至 2026/12/09 00:30:00；原因：刷单')
  })

  it('words the same ban in English', () => {
    i18n.global.locale.value = 'en'
    const text = auditDetail('user_banned', week, t, 'en', 'UTC')
    expect(text).toMatch(/^Banned for 7 days, until .*16:30:00; reason: 刷单$/)
  })

  it('words a permanent ban without a reason, and hours for a short one', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(auditDetail('user_banned', forever, t, 'zh-CN')).toBe('永久封禁')
    const hours = JSON.stringify({ until: '2026-12-01T19:00:00Z', durationSeconds: 7200, reason: null })
    expect(auditDetail('user_banned', hours, t, 'zh-CN', 'UTC')).toMatch(/^封禁 2 小时，至 /)
    i18n.global.locale.value = 'en'
    expect(auditDetail('user_banned', JSON.stringify({ until: '2026-12-02T16:30:00Z', durationSeconds: 86400 }), t, 'en', 'UTC'))
      .toMatch(/^Banned for 1 day, until /)
  })

  it('words ended sessions and exports in both languages', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(auditDetail('session_ended', '3f2a', t, 'zh-CN')).toBe('会话 3f2a')
    expect(auditDetail('sessions_ended', '2', t, 'zh-CN')).toBe('2 个会话')
    expect(auditDetail('users_exported', null, t, 'zh-CN')).toBe('全部用户')
    expect(auditDetail('users_exported', 'appid=wx1', t, 'zh-CN')).toBe('筛选条件：appid=wx1')
    i18n.global.locale.value = 'en'
    expect(auditDetail('sessions_ended', '1', t, 'en')).toBe('1 session')
    expect(auditDetail('sessions_ended', '0', t, 'en')).toBe('No session was active')
    expect(auditDetail('users_exported', null, t, 'en')).toBe('All users')
  })

  it('shows other details, and a ban written before details were data, as they are', () => {
    expect(auditDetail('session_ended', 'session 42', t, 'zh-CN')).toBe('session 42')
    expect(auditDetail('user_banned', 'until 2026-12-08T16:30:00Z: spam', t, 'zh-CN')).toBe('until 2026-12-08T16:30:00Z: spam')
    expect(auditDetail('user_banned', null, t, 'zh-CN')).toBe('')
  })
})
