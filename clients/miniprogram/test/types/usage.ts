// What a TypeScript mini program writes against the SDK, checked with `tsc --strict` and
// WeChat's official typings. `@ts-expect-error` marks what must NOT compile.
import {
  createAuthClient,
  createWxAdapter,
  AuthClient,
  HTTPError,
  LoginError,
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
  const person: string = saved.data.personId;
  const me = auth.getUser();
  void [id, welcome, typo, apps, person];
  return me ? me.nickName : null;
}

// The getPhoneNumber button's handler: log in and bind the phone in one call.
async function onGetPhoneNumber(e: WechatMiniprogram.ButtonGetPhoneNumber): Promise<string | null> {
  if (!e.detail.code) return null; // the user declined
  try {
    const { user } = await auth.login({ phoneCode: e.detail.code });
    return user ? user.phoneNumber : null;
  } catch (error) {
    if (error instanceof LoginError && (error.code === 'PHONE_IN_USE' || error.code === 'INVALID_PHONE_CODE')) {
      return null;
    }
    // @ts-expect-error a login error's code is MiniAuth's or the client's: a typo does not compile
    if (error instanceof LoginError && error.code === 'PHONE_IN_USED') return null;
    throw error;
  }
}
// @ts-expect-error the phone code is a string
auth.login({ phoneCode: 42 });
// @ts-expect-error no such login option
auth.login({ phone: '13800001111' });

function reasonOf(e: unknown): RevocationReason | undefined {
  if (e instanceof HTTPError && e.code === 'TOKEN_REVOKED') return e.reason;
  if (e instanceof MiniAuthError && e.code === 'ACCOUNT_BANNED') {
    const until: string | null | undefined = e.until;
    void until;
  }
  return undefined;
}

void [profileFlow, reasonOf, onGetPhoneNumber];
