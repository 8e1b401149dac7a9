// Times are shown in the operator's time zone (the browser's), as the server sends UTC.

export function operatorZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai'
}

export function formatTime(instant, locale, zone = operatorZone()) {
  if (!instant) return '—'
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false
  }).format(new Date(instant))
}
