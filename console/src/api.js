// Calls the admin API from the console: the session cookie goes along by itself; every
// change carries the CSRF token that the server put in the XSRF-TOKEN cookie.

export class ApiError extends Error {
  constructor(status, code, msg) {
    super(msg || code)
    this.status = status
    this.code = code
  }
}

let unauthorizedHandler = () => {}

export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

export function csrfToken(cookies = document.cookie) {
  const found = cookies.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='))
  return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : null
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' }
  if (method !== 'GET') {
    const token = csrfToken()
    if (token) headers['X-XSRF-TOKEN'] = token
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body !== undefined ? JSON.stringify(body) : undefined
  })
  if (response.status === 204) return null
  const text = await response.text()
  const json = text ? JSON.parse(text) : null
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/session')) unauthorizedHandler()
    throw new ApiError(response.status, json?.code ?? `HTTP_${response.status}`, json?.msg)
  }
  return json
}

// Query text of a filter: empty values are left out, dates are sent as ISO instants.
export function query(params) {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue
    search.set(name, value instanceof Date ? value.toISOString() : String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
  del: (path) => request('DELETE', path)
}
