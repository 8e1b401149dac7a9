// Type declarations for miniauth-miniprogram.

export interface RequestOptions {
  /** Path under baseURL ("/user/me") or an absolute URL. */
  url: string;
  /** Defaults to GET. */
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | string;
  data?: unknown;
  header?: Record<string, string>;
  /** Milliseconds; defaults to the client's timeout. */
  timeout?: number;
  /** Send without a token and without logging in first. */
  skipAuth?: boolean;
}

export interface Response<T = any> {
  statusCode: number;
  data: T;
  header: Record<string, string>;
}

/** What a transport gets: the URL is already absolute. */
export interface TransportRequest {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
  timeout?: number;
}

/** Resolves with any answer, whatever its status; rejects with NetworkError or TimeoutError when none came. */
export type Transport = (opts: TransportRequest) => Promise<Response>;

export interface SessionStorage {
  get(key: string): any;
  set(key: string, value: any): void;
  remove(key: string): void;
}

export interface StoredSession {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
  user: Record<string, any> | null;
}

export interface RetryPolicy {
  /** Retries after the first attempt; default 2. */
  limit: number;
  /** Default GET, HEAD, PUT, DELETE, OPTIONS: POST and PATCH are never retried. */
  methods: readonly string[];
  /** Default 429 and 503. */
  statusCodes: readonly number[];
  /** Statuses whose Retry-After header is honoured; default 429 and 503. */
  afterStatusCodes: readonly number[];
  /** Give up instead of waiting longer than this many milliseconds; default Infinity. */
  maxRetryAfter: number;
  /** Cap on the backoff in milliseconds; default 10000. */
  backoffLimit: number;
  /** Backoff for retry number `attempt` (1-based) in milliseconds; default 0.3·2^(attempt-1) s. */
  delay(attempt: number): number;
  /** true for full jitter, or a function of the capped delay. Default false. */
  jitter: boolean | ((delayMs: number) => number);
}

export interface LoginState {
  loggedIn: boolean;
  user: Record<string, any> | null;
}

export interface UiHooks {
  loading?(on: boolean): void;
  toast?(msg: string): void;
}

export interface AuthClientOptions {
  /** MiniAuth's base URL, e.g. "https://auth.example.com". */
  baseURL: string;
  /** Sent with /user/login when the server hosts several mini programs. */
  appid?: string;
  /** Defaults to the global wx. */
  wx?: any;
  /** Replaces wx storage. */
  storage?: SessionStorage;
  /** Defaults to "miniauth:session". */
  storageKey?: string;
  /** Refresh when the access token expires within this many seconds; default 60. */
  refreshAhead?: number;
  /** Default request timeout in milliseconds; default 10000. */
  timeout?: number;
  /** A number is the limit; an object overrides parts of DEFAULT_RETRY. */
  retry?: number | Partial<RetryPolicy>;
  onLoginStateChange?(state: LoginState): void;
  ui?: UiHooks;
  /** Replaces wx.request. */
  request?: Transport;
  /** Replaces wx.login; resolves with a login code. */
  getLoginCode?(): Promise<string>;
  /** Replaces wx.checkSession. */
  checkSession?(): Promise<boolean>;
  /** Clock in epoch milliseconds; default Date.now. */
  now?(): number;
  /** Waits between retries; default setTimeout. */
  sleep?(ms: number): Promise<void>;
  /**
   * The language of messages, sent as Accept-Language ("zh-CN", "en"); defaults to
   * wx.getAppBaseInfo().language. Also picks the SDK's own messages (timeouts, network errors).
   */
  language?: string;
}

export interface LoginResult {
  user: Record<string, any> | null;
  isNewUser: boolean;
}

export interface AuthClient {
  /** Resolves with 2xx answers; rejects with a MiniAuthError otherwise. */
  request<T = any>(opts: RequestOptions): Promise<Response<T>>;
  get<T = any>(url: string, opts?: Partial<RequestOptions>): Promise<Response<T>>;
  post<T = any>(url: string, data?: unknown, opts?: Partial<RequestOptions>): Promise<Response<T>>;
  patch<T = any>(url: string, data?: unknown, opts?: Partial<RequestOptions>): Promise<Response<T>>;
  /** A fresh wx.login + /user/login, joining one already running. */
  login(): Promise<LoginResult>;
  /** Calls /user/logout, then clears storage whatever the server said. */
  logout(): Promise<void>;
  /** Makes sure a usable session exists, logging in or refreshing if needed. */
  ensureLogin(): Promise<{ user: Record<string, any> | null }>;
  /** True while the stored access or refresh token is unexpired. */
  isLoggedIn(): boolean;
  /** wx.checkSession as a boolean: whether WeChat's own login session is still valid. */
  checkSession(): Promise<boolean>;
  getUser(): Record<string, any> | null;
}

export function createAuthClient(options: AuthClientOptions): AuthClient;

export function createWxAdapter(wx: any): {
  request: Transport;
  getLoginCode(): Promise<string>;
  checkSession(): Promise<boolean>;
  storage: SessionStorage;
};

export const DEFAULT_RETRY: Readonly<RetryPolicy>;
export const DEFAULT_STORAGE_KEY: 'miniauth:session';

export class MiniAuthError extends Error {
  /** The server's stable code (e.g. "TOKEN_EXPIRED"), or the client's own ("NETWORK_ERROR", "TIMEOUT", "WX_LOGIN_FAILED"). */
  code: string;
  /** A readable message, the server's when it sent one. */
  msg: string;
  /** The HTTP status, when an answer came. */
  statusCode?: number;
  /** Seconds from the Retry-After header, when given. */
  retryAfter?: number;
  response?: Response;
  cause?: unknown;
}
export class HTTPError extends MiniAuthError {
  statusCode: number;
  response: Response;
}
export class NetworkError extends MiniAuthError {}
export class TimeoutError extends MiniAuthError {}
export class LoginError extends MiniAuthError {}
export class RefreshError extends MiniAuthError {
  /** True when the server answered 401. */
  readonly refused: boolean;
}

/**
 * Every `code` the server answers with, the same whatever the language of `msg`
 * (a server test keeps this list equal to its ErrorCode). The last ones are for
 * features on their way.
 */
export type ServerErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_CODE'
  | 'CODE_ALREADY_USED'
  | 'UNKNOWN_APP'
  | 'APPID_REQUIRED'
  | 'INVALID_PHONE_CODE'
  | 'WATERMARK_MISMATCH'
  | 'INVALID_ENCRYPTED_DATA'
  | 'SIGNATURE_MISMATCH'
  | 'UNAUTHORIZED'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_INVALID'
  | 'TOKEN_REVOKED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'LOGIN_BLOCKED'
  | 'SESSION_NOT_FOUND'
  | 'SESSION_KEY_STALE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'WECHAT_MISCONFIGURED'
  | 'WECHAT_ERROR'
  | 'WECHAT_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_ACCEPTABLE'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE'
  // upcoming
  | 'ACCOUNT_BANNED'
  | 'ACCOUNT_DELETED'
  | 'PHONE_IN_USE'
  | 'CONTENT_RISKY'
  | 'FORBIDDEN'
  | 'WRONG_USER';
