// Words an operator action's detail in the operator's language. A ban's detail is data,
// {"until": ISO instant or null, "durationSeconds": number or null, "reason": text or
// null}; other details (a filter, a session id, a name) are shown as they are.
import { formatTime } from './time.js'

export function durationText(seconds, t) {
  const days = Math.round(seconds / 86400)
  if (days >= 1 && Math.abs(seconds - days * 86400) < 3600) return t('audit.days', { n: days }, days)
  const hours = Math.max(1, Math.round(seconds / 3600))
  return t('audit.hours', { n: hours }, hours)
}

export function auditDetail(action, detail, t, locale, zone) {
  if (!detail) return ''
  if (action !== 'user_banned' || !detail.startsWith('{')) return detail
  let ban
  try {
    ban = JSON.parse(detail)
  } catch {
    return detail
  }
  const what = ban.until
    ? t('audit.banTimed', { duration: durationText(ban.durationSeconds ?? 0, t), until: formatTime(ban.until, locale, zone) })
    : t('audit.banPermanent')
  return ban.reason ? t('audit.banReason', { ban: what, reason: ban.reason }) : what
}
