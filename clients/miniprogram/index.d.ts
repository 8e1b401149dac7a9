// Type declarations for miniauth-miniprogram, written against WeChat's official
// typings (miniprogram-api-typings), which a TypeScript mini program already has.
/// <reference types="miniprogram-api-typings" />

/** The methods wx.request documents. There is no PATCH: use PUT for /user/me. */
export type RequestMethod = NonNullable<WechatMiniprogram.RequestOption['method']>;

/** What wx.request can send as a body. */
export type RequestData = NonNullable<WechatMiniprogram.RequestOption['data']>;

/** The parts of `wx` the client uses; the global `wx` fits. */
export type WxApi = Pick<
  WechatMiniprogram.Wx,
  'request' | 'login' | 'checkSession' | 'getStorageSync' | 'setStorageSync' | 'removeStorageSync'
>;

/** The profile of `GET /user/me`, also the `user` of a login answer. Times are ISO-8601 UTC. */
export interface UserProfile {
  id: string;
  appid: string;
  openid: string;
  unionid: string | null;
  nickName: string | null;
  avatarUrl: string | null;
  signature: string | null;
  /** The number bound with POST /user/phone or with login({ phoneCode }), or null. */
  phoneNumber: string | null;
  /** The other configured apps in which the same person (same unionid, or linked by phone number) has a user. */
  linkedApps: string[];
  createdAt: string;
  lastLoginAt: string;
  /** The user's id in the backend they were imported from, or null. */
  externalId: string | null;
  /** The person: shared with the users of other apps linked by phone number, else the user's own id. */
  personId: string;
}

/** A body for `PUT /user/me` (or PATCH from other clients): a field left out stays, null clears it. */
export interface ProfileChange {
  /** 1 to 30 characters. */
  nickName?: string | null;
  /** An https URL of at most 512 characters. */
  avatarUrl?: string | null;
  /** At most 30 characters. */
  signature?: string | null;
}

/** The answer to `POST /user/login`; `POST /user/token/refresh` answers the same without isNewUser. */
export interface TokenAnswer {
  msg: string;
  token: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
  refreshToken?: string;
  /** Seconds. */
  refreshExpiresIn?: number;
  user: UserProfile;
  isNewUser?: boolean;
}

/** Why a `401 TOKEN_REVOKED` ended a session (the `reason` of its problem). */
export type RevocationReason =
  | 'logout'
  | 'ended_by_user'
  | 'ended_by_operator'
  | 'session_limit'
  | 'refresh_replay'
  | 'banned'
  | 'deleted'
  | 'deletion_pending';

export interface RequestOptions {
  /** Path under baseURL ("/user/me") or an absolute URL. */
  url: string;
  /** Defaults to GET. Any other method rejects with a TypeError before anything is sent. */
  method?: RequestMethod;
  data?: RequestData;
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

/** What a transport gets: the URL is already absolute. It fits wx.request's options. */
export interface TransportRequest {
  url: string;
  method: RequestMethod;
  data?: RequestData;
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
  user: UserProfile | null;
}

export interface RetryPolicy {
  /** Retries after the first attempt; default 2. */
  limit: number;
  /** Default GET, HEAD, PUT, DELETE, OPTIONS: POST is never retried. */
  methods: readonly RequestMethod[];
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
  user: UserProfile | null;
  /** When the server ended the session: the TOKEN_REVOKED reason. */
  reason?: RevocationReason;
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
  wx?: WxApi;
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

export interface LoginOptions {
  /**
   * The code of `<button open-type="getPhoneNumber">` (`e.detail.code`): the login then
   * also binds the user's phone number, in the same POST /user/login. The server exchanges
   * it with WeChat once (a paid call); a phone number bound to another user of the app
   * rejects with LoginError PHONE_IN_USE (409), an unknown, used or expired code with
   * INVALID_PHONE_CODE (400). A code that is not a non-empty string (a user who declined
   * the button has none) rejects with a TypeError before anything is sent.
   */
  phoneCode?: string;
}

export interface LoginResult {
  user: UserProfile | null;
  isNewUser: boolean;
}

export interface AuthClient {
  /** Resolves with 2xx answers; rejects with a MiniAuthError otherwise. */
  request<T = any>(opts: RequestOptions): Promise<Response<T>>;
  get<T = any>(url: string, opts?: Partial<RequestOptions>): Promise<Response<T>>;
  post<T = any>(url: string, data?: RequestData, opts?: Partial<RequestOptions>): Promise<Response<T>>;
  /** PUT /user/me with a ProfileChange changes only the fields sent. */
  put<T = any>(url: string, data?: RequestData, opts?: Partial<RequestOptions>): Promise<Response<T>>;
  /**
   * A fresh wx.login + /user/login, joining one already running. With a phoneCode it
   * also binds the phone number; it then joins only a login with the same phone code.
   */
  login(options?: LoginOptions): Promise<LoginResult>;
  /** Calls /user/logout, then clears storage whatever the server said. */
  logout(): Promise<void>;
  /** Makes sure a usable session exists, logging in or refreshing if needed. */
  ensureLogin(): Promise<{ user: UserProfile | null }>;
  /** True while the stored access or refresh token is unexpired. */
  isLoggedIn(): boolean;
  /** wx.checkSession as a boolean: whether WeChat's own login session is still valid. */
  checkSession(): Promise<boolean>;
  getUser(): UserProfile | null;
}

export function createAuthClient(options: AuthClientOptions): AuthClient;

export function createWxAdapter(wx: WxApi): {
  request: Transport;
  getLoginCode(): Promise<string>;
  checkSession(): Promise<boolean>;
  storage: SessionStorage;
};

export const DEFAULT_RETRY: Readonly<RetryPolicy>;
export const DEFAULT_STORAGE_KEY: 'miniauth:session';

export class MiniAuthError extends Error {
  /**
   * The server's stable code (e.g. "TOKEN_EXPIRED"; "TOKEN_INVALID" also for a resource
   * server's Bearer invalid_token challenge), or the client's own ("NETWORK_ERROR",
   * "TIMEOUT", "WX_LOGIN_FAILED", "INVALID_ANSWER" for a 2xx answer without a token).
   */
  code: string;
  /** A readable message, the server's when it sent one. */
  msg: string;
  /** The HTTP status, when an answer came. */
  statusCode?: number;
  /** Seconds from the Retry-After header, when given. */
  retryAfter?: number;
  /** With code TOKEN_REVOKED: why the session ended. */
  reason?: RevocationReason;
  /** With code ACCOUNT_BANNED: the end of the ban (ISO-8601 UTC), null when it has none. */
  until?: string | null;
  response?: Response;
  cause?: unknown;
}
export class HTTPError extends MiniAuthError {
  statusCode: number;
  response: Response;
}
export class NetworkError extends MiniAuthError {}
export class TimeoutError extends MiniAuthError {}
/**
 * Logging in failed. Its `code` is MiniAuth's (INVALID_CODE, PHONE_IN_USE, INVALID_PHONE_CODE...)
 * or the client's own, never another server's: so a typo in a comparison does not compile.
 */
export class LoginError extends MiniAuthError {
  code: ServerErrorCode | ClientErrorCode | `HTTP_${number}`;
}
export class RefreshError extends MiniAuthError {
  code: ServerErrorCode | ClientErrorCode | `HTTP_${number}`;
  /** True when the server answered 401. */
  readonly refused: boolean;
}

/** The codes the client gives errors of its own, when no answer (or no usable one) came. */
export type ClientErrorCode =
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'WX_LOGIN_FAILED'
  | 'INVALID_ANSWER'
  | 'NOT_LOGGED_IN'
  /** A custom transport or getLoginCode rejected with an error without a code. */
  | 'MINIAUTH_ERROR';

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
  | 'RAW_DATA_MISMATCH'
  | 'CORS_ORIGIN_NOT_ALLOWED'
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
  | 'ACCOUNT_BANNED'
  | 'ACCOUNT_DELETED'
  | 'DELETION_PENDING'
  | 'STEP_UP_MISMATCH'
  | 'USER_NOT_FOUND'
  | 'PUSH_SIGNATURE_INVALID'
  | 'PUSH_MALFORMED'
  | 'PUSH_NOT_CONFIGURED'
  // the operator console's and the admin API's
  | 'SIGN_IN_FAILED'
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  | 'SETUP_TOKEN_INVALID'
  | 'OPERATOR_NOT_FOUND'
  | 'OPERATOR_EXISTS'
  | 'OPERATOR_CONFLICT'
  | 'API_KEY_NOT_FOUND'
  | 'WEBHOOK_EVENT_NOT_FOUND'
  | 'PHONE_IN_USE'
  | 'CONTENT_RISKY'
  | 'CONTENT_CHECK_UNAVAILABLE';
