import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

// Chinese first; the operator's choice is remembered in this browser.
export const LOCALE_KEY = 'miniauth.console.locale'
export const LOCALES = ['zh-CN', 'en']

export function initialLocale(storage = window.localStorage) {
  const saved = storage.getItem(LOCALE_KEY)
  return LOCALES.includes(saved) ? saved : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en }
})

export function setLocale(locale, storage = window.localStorage) {
  i18n.global.locale.value = locale
  storage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

// The message for an API error: the console's own text for its code, else the server's.
export function errorText(error) {
  const key = `errors.${error?.code}`
  return i18n.global.te(key) ? i18n.global.t(key) : (error?.message || i18n.global.t('errors.generic'))
}
