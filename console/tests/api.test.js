import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, csrfToken, onUnauthorized, query, request } from '../src/api.js'

function answer(status, body) {
  return { status, ok: status >= 200 && status < 300, text: async () => (body ? JSON.stringify(body) : '') }
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
})

describe('request', () => {
  it('sends the CSRF token from the cookie on a change, not on a read', async () => {
    document.cookie = 'XSRF-TOKEN=abc%2D123'
    const fetch = vi.fn().mockResolvedValue(answer(200, { ok: true }))
    vi.stubGlobal('fetch', fetch)

    await request('GET', '/admin/api/users')
    await request('DELETE', '/admin/api/users/u1/sessions')

    expect(fetch.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBeUndefined()
    expect(fetch.mock.calls[1][1].headers['X-XSRF-TOKEN']).toBe('abc-123')
    expect(fetch.mock.calls[1][1].credentials).toBe('same-origin')
  })

  it('turns a problem into an ApiError with its code and msg', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(404, { code: 'USER_NOT_FOUND', msg: 'No user has that id' })))

    const error = await request('GET', '/admin/api/users/x').catch((e) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('USER_NOT_FOUND')
    expect(error.message).toBe('No user has that id')
  })

  it('tells the console to sign in again on 401', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(401, { code: 'UNAUTHORIZED', msg: 'Sign in' })))

    await request('GET', '/admin/api/users').catch(() => {})

    expect(handler).toHaveBeenCalledOnce()
  })

  it('answers null for 204', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(204)))

    expect(await request('DELETE', '/admin/api/session')).toBeNull()
  })
})

describe('query', () => {
  it('leaves out empty filters and sends dates as ISO instants', () => {
    const text = query({ openid: 'o-1', unionid: '', phone: null, createdFrom: new Date('2026-01-01T00:00:00Z') })

    expect(text).toBe('?openid=o-1&createdFrom=2026-01-01T00%3A00%3A00.000Z')
  })

  it('answers nothing when no filter is set', () => {
    expect(query({ openid: '' })).toBe('')
  })
})

describe('csrfToken', () => {
  it('finds the token among other cookies', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=t0k; b=2')).toBe('t0k')
    expect(csrfToken('a=1')).toBeNull()
  })
})
