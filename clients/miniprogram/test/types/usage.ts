// What a TypeScript mini program writes against the SDK, checked with `tsc --strict` and
// WeChat's official typings. `@ts-expect-error` marks what must NOT compile.
import {
  createAuthClient,
  createWxAdapter,
  AuthClient,
  HTTPError,
  MiniAuthError,
  ProfileChange,
  Response,
  RevocationReason,
  Transport,
  UserProfile,
} from 'miniauth-miniprogram';

// A custom transport written over wx.request, as the README shows.
const transport: Transport = (opts) =>
  new Promise<Response>((resolve, reject) => {
    wx.request({
      url: opts.url,
      method: opts.method,
      data: opts.data,
      header: opts.header,
      timeout: opts.timeout,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data, header: res.header }),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });

const auth: AuthClient = createAuthClient({ baseURL: 'https://auth.example.com', request: transport, wx });
createWxAdapter(wx);

// @ts-expect-error wx must be the mini program API
createAuthClient({ baseURL: 'https://auth.example.com', wx: 42 });
// @ts-expect-error an object that is not wx
createAuthClient({ baseURL: 'https://auth.example.com', wx: { request() {} } });
// @ts-expect-error baseURL is required
createAuthClient({ wx });
// @ts-expect-error wx.request has no PATCH
auth.request({ url: '/user/me', method: 'PATCH' });
// @ts-expect-error there is no patch(): use put()
auth.patch('/user/me', {});

async function profileFlow(): Promise<string | null> {
  const { user, isNewUser } = await auth.login();
  const id: string | undefined = user?.id;
  const welcome: boolean = isNewUser;
  const change: ProfileChange = { nickName: 'Ada', signature: null };
  // @ts-expect-error no such profile field
  const typo: ProfileChange = { nickname: 'Ada' };
  const saved = await auth.put<UserProfile>('/user/me', change);
  const apps: string[] = saved.data.linkedApps;
  const me = auth.getUser();
  void [id, welcome, typo, apps];
  return me ? me.nickName : null;
}

function reasonOf(e: unknown): RevocationReason | undefined {
  if (e instanceof HTTPError && e.code === 'TOKEN_REVOKED') return e.reason;
  if (e instanceof MiniAuthError && e.code === 'ACCOUNT_BANNED') {
    const until: string | null | undefined = e.until;
    void until;
  }
  return undefined;
}

void [profileFlow, reasonOf];
