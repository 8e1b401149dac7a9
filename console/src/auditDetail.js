// Words an operator action's detail in the operator's language. The detail is data: a ban's
// is {"until": ISO instant or null, "durationSeconds": number or null, "reason": text or
// null}, an ended session's its id, "all sessions ended" the count, an export its filters
// (none: every user); other details (a name, a key id) are shown as they are. Rows written
// before the details were data (English text) are shown as they are too.
import { formatTime } from './time.js'

export function durationText(seconds, t) {
  const days = Math.round(seconds / 86400)
  if (days >= 1 && Math.abs(seconds - days * 86400) < 3600) return t('audit.days', { n: days }, days)
  const hours = Math.max(1, Math.round(seconds / 3600))
  return t('audit.hours', { n: hours }, hours)
}

export function auditDetail(action, detail, t, locale, zone) {
  if (action === 'users_exported') return detail ? t('audit.exportFiltered', { filters: detail }) : t('audit.exportAll')
  if (!detail) return ''
  if (action === 'session_ended' && !detail.includes(' ')) return t('audit.sessionEnded', { id: detail })
  if (action === 'sessions_ended' && /^\d+$/.test(detail)) return t('audit.sessionsEnded', { n: Number(detail) }, Number(detail))
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
