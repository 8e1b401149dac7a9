import { describe, expect, it } from 'vitest'
import { formatTime } from '../src/time.js'

describe('formatTime', () => {
  it('shows a UTC instant in the operator zone', () => {
    expect(formatTime('2026-12-01T16:30:00Z', 'zh-CN', 'Asia/Shanghai')).toContain('2026/12/02 00:30:00')
    expect(formatTime('2026-12-01T16:30:00Z', 'en', 'UTC')).toContain('16:30:00')
  })

  it('shows a dash for no time', () => {
    expect(formatTime(null, 'zh-CN')).toBe('—')
  })
})
