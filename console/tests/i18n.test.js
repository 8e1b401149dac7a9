import { describe, expect, it } from 'vitest'
import zhCN from '../src/locales/zh-CN.json'
import en from '../src/locales/en.json'
import { LOCALE_KEY, initialLocale, setLocale, errorText, i18n } from '../src/i18n.js'

function keys(messages, prefix = '') {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`])
}

function memory() {
  const values = {}
  return { getItem: (k) => values[k] ?? null, setItem: (k, v) => (values[k] = v) }
}

describe('message bundles', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
    for (const key of keys(zhCN)) {
      expect(key.split('.').reduce((m, k) => m[k], zhCN)).not.toBe('')
    }
  })

  it('translate every status of the admin user JSON', () => {
    for (const status of ['active', 'banned', 'deletion_pending', 'deleted']) {
      expect(zhCN.status[status]).toBeTruthy()
      expect(en.status[status]).toBeTruthy()
    }
  })

  it('name every profile field the admin user JSON flags for review, and its events', () => {
    for (const field of ['nickName', 'signature', 'avatarUrl']) {
      expect(zhCN.user.reviewField[field]).toMatch(/\p{Script=Han}/u)
      expect(en.user.reviewField[field]).toBeTruthy()
    }
    for (const event of ['content_review', 'avatar_removed']) {
      expect(zhCN.eventType[event]).toBeTruthy()
      expect(en.eventType[event]).toBeTruthy()
    }
  })
})

describe('locale', () => {
  it('is Chinese first, then what the operator chose', () => {
    const storage = memory()
    expect(initialLocale(storage)).toBe('zh-CN')

    setLocale('en', storage)

    expect(storage.getItem(LOCALE_KEY)).toBe('en')
    expect(initialLocale(storage)).toBe('en')
    expect(i18n.global.locale.value).toBe('en')
  })

  it('ignores a remembered value that is not a locale', () => {
    const storage = memory()
    storage.setItem(LOCALE_KEY, 'klingon')
    expect(initialLocale(storage)).toBe('zh-CN')
  })

  it('shows the console text for a known error code, else the server msg', () => {
    setLocale('zh-CN', memory())
    expect(errorText({ code: 'FORBIDDEN', message: 'This needs the admin role' })).toBe('需要管理员权限')
    expect(errorText({ code: 'SOMETHING_NEW', message: 'server text' })).toBe('server text')
  })
})
