// Test double for @tarojs/taro (mapped in jest.config.js): only the calls the
// mini-program makes, each backed by something the test controls and can read
// back. Storage keeps JSON like wx storage does; the network is a handler function.
import { useEffect, useRef } from 'react';

export interface FakeRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: unknown;
}

export interface FakeResponse {
  statusCode: number;
  data?: unknown;
  header?: Record<string, string>;
}

/** Answers a request; throwing means the network failed (Taro then rejects with an errMsg). */
export type RequestHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

type PageHook = 'didShow' | 'pullDownRefresh' | 'reachBottom';

const storage = new Map<string, string>();
const files = new Map<string, string>();
/** Files the user may pick from a chat (chooseMessageFile), as bytes; null: the user closes the chooser. */
let messageFile: { name: string; bytes: Uint8Array } | null = null;
const pageHooks = new Map<PageHook, Set<() => void>>();
let handler: RequestHandler = () => {
  throw new Error('no request handler set: call taroTest.onRequest()');
};
let routerParams: Record<string, string> = {};
let modalConfirms = true;
/** What the next showActionSheet picks, by label (null: dismissed). */
let actionSheetPick: string | null = null;
/** How the user answers requestSubscribeMessage, per template id; null: the API is absent (H5, old base library). */
let subscribeAnswers: Record<string, string> | null = null;

/** What the test sets and reads. */
export const taroTest = {
  storage,
  requests: [] as FakeRequest[],
  toasts: [] as string[],
  /** URLs passed to navigateTo / redirectTo / switchTab, in order. */
  navigations: [] as string[],
  downloads: [] as { url: string; header: Record<string, string> }[],
  openedDocuments: [] as string[],
  openedDocumentTypes: [] as (string | undefined)[],
  /** The template ids of each requestSubscribeMessage call. */
  subscribeRequests: [] as string[][],
  /** The tab bar's badges, by tab index ('' once removed). */
  badges: new Map<number, string>(),
  /** What the next chooseMessageFile picks (null: the user closes the chooser). */
  chooseMessageFile(file: { name: string; bytes: Uint8Array } | null) {
    messageFile = file;
  },
  onRequest(next: RequestHandler) {
    handler = next;
  },
  /** Every request fails as if the phone had no network. */
  goOffline() {
    handler = () => {
      throw new Error('offline');
    };
  },
  setRouterParams(params: Record<string, string>) {
    routerParams = params;
  },
  answerModals(confirm: boolean) {
    modalConfirms = confirm;
  },
  /** The item lists of each showActionSheet, in order. */
  actionSheets: [] as string[][],
  /** The label the next action sheet picks (null: the user dismisses it). */
  pickFromActionSheet(label: string | null) {
    actionSheetPick = label;
  },
  /** Makes requestSubscribeMessage available, answering 'accept' or 'reject' per template id (others: 'reject'). */
  answerSubscriptions(answers: Record<string, 'accept' | 'reject'>) {
    subscribeAnswers = answers;
  },
  /** Fires a page lifecycle hook, as Taro does on show, pull-down or scrolling to the bottom. */
  trigger(hook: PageHook) {
    pageHooks.get(hook)?.forEach((callback) => callback());
  },
  reset() {
    storage.clear();
    files.clear();
    pageHooks.clear();
    taroTest.requests.length = 0;
    taroTest.toasts.length = 0;
    taroTest.navigations.length = 0;
    taroTest.downloads.length = 0;
    taroTest.openedDocuments.length = 0;
    taroTest.openedDocumentTypes.length = 0;
    routerParams = {};
    modalConfirms = true;
    actionSheetPick = null;
    taroTest.actionSheets.length = 0;
    subscribeAnswers = null;
    messageFile = null;
    taroTest.subscribeRequests.length = 0;
    taroTest.badges.clear();
    taroTest.onRequest(() => {
      throw new Error('no request handler set: call taroTest.onRequest()');
    });
  },
};

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

async function request(options: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) {
  const sent: FakeRequest = { url: options.url, method: options.method ?? 'GET', header: { ...options.header }, data: clone(options.data) };
  taroTest.requests.push(sent);
  let response: FakeResponse;
  try {
    response = await handler(sent);
  } catch (caught) {
    throw { errMsg: `request:fail ${(caught as Error).message}` };
  }
  return { statusCode: response.statusCode, data: clone(response.data ?? ''), header: response.header ?? {}, errMsg: 'request:ok' };
}

function getStorageSync(key: string): unknown {
  const raw = storage.get(key);
  return raw === undefined ? '' : JSON.parse(raw);
}

function setStorageSync(key: string, value: unknown): void {
  storage.set(key, JSON.stringify(value));
}

function removeStorageSync(key: string): void {
  storage.delete(key);
}

async function showToast(options: { title: string }) {
  taroTest.toasts.push(options.title);
  return { errMsg: 'showToast:ok' };
}

async function navigate(options: { url: string }) {
  taroTest.navigations.push(options.url);
  return { errMsg: 'navigate:ok' };
}

async function showActionSheet(options: { itemList: string[] }) {
  taroTest.actionSheets.push([...options.itemList]);
  const index = actionSheetPick === null ? -1 : options.itemList.indexOf(actionSheetPick);
  if (index < 0) throw { errMsg: 'showActionSheet:fail cancel' };
  return { tapIndex: index, errMsg: 'showActionSheet:ok' };
}

async function showModal() {
  return { confirm: modalConfirms, cancel: !modalConfirms, errMsg: 'showModal:ok' };
}

/** Like WeChat: whatever the status, the body is written to a temp file the app can read back. */
async function downloadFile(options: { url: string; header?: Record<string, string> }) {
  taroTest.downloads.push({ url: options.url, header: { ...options.header } });
  let response: FakeResponse;
  try {
    response = await handler({ url: options.url, method: 'GET', header: { ...options.header } });
  } catch (caught) {
    throw { errMsg: `downloadFile:fail ${(caught as Error).message}` };
  }
  const tempFilePath = `wxfile://tmp/${taroTest.downloads.length}`;
  files.set(tempFilePath, typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? ''));
  return { statusCode: response.statusCode, tempFilePath, errMsg: 'downloadFile:ok' };
}

function getFileSystemManager() {
  return {
    readFileSync(path: string): string {
      const content = files.get(path);
      if (content === undefined) throw new Error(`readFileSync:fail no such file ${path}`);
      return content;
    },
    /** Without an encoding, like wx: the file's bytes as an ArrayBuffer. */
    readFile(options: { filePath: string; success?: (result: { data: ArrayBuffer }) => void; fail?: (error: { errMsg: string }) => void }) {
      const picked = messageFile && options.filePath === `wxfile://tmp/${messageFile.name}` ? messageFile.bytes : undefined;
      if (!picked) options.fail?.({ errMsg: `readFile:fail no such file ${options.filePath}` });
      else options.success?.({ data: picked.buffer.slice(picked.byteOffset, picked.byteOffset + picked.byteLength) as ArrayBuffer });
    },
  };
}

/** Like WeChat: the chosen file is copied to a temp path; closing the chooser rejects. */
async function chooseMessageFile() {
  if (!messageFile) throw { errMsg: 'chooseMessageFile:fail cancel' };
  return {
    tempFiles: [{ path: `wxfile://tmp/${messageFile.name}`, name: messageFile.name, size: messageFile.bytes.length, type: 'file', time: 0 }],
    errMsg: 'chooseMessageFile:ok',
  };
}

async function openDocument(options: { filePath: string; fileType?: string }) {
  taroTest.openedDocuments.push(options.filePath);
  taroTest.openedDocumentTypes.push(options.fileType);
  return { errMsg: 'openDocument:ok' };
}

function registerHook(hook: PageHook) {
  return (callback: () => void) => {
    // Like Taro's hooks: the latest closure runs, and only while the component is mounted.
    const latest = useRef(callback);
    latest.current = callback;
    useEffect(() => {
      const run = () => latest.current();
      const set = pageHooks.get(hook) ?? new Set();
      pageHooks.set(hook, set);
      set.add(run);
      return () => {
        set.delete(run);
      };
    }, []);
  };
}

export const useDidShow = registerHook('didShow');
export const usePullDownRefresh = registerHook('pullDownRefresh');
export const useReachBottom = registerHook('reachBottom');
export const useShareAppMessage = () => undefined;
export const useLaunch = () => undefined;
export const useRouter = () => ({ params: routerParams, path: '' });

async function requestSubscribeMessage(options: { tmplIds: string[] }) {
  taroTest.subscribeRequests.push([...options.tmplIds]);
  const answers = subscribeAnswers ?? {};
  return { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(options.tmplIds.map((id) => [id, answers[id] ?? 'reject'])) };
}

const Taro = {
  // Present only once a test answers subscriptions, like a base library that has it.
  get requestSubscribeMessage() {
    return subscribeAnswers ? requestSubscribeMessage : undefined;
  },
  setTabBarBadge: async (options: { index: number; text: string }) => {
    taroTest.badges.set(options.index, options.text);
    return { errMsg: 'setTabBarBadge:ok' };
  },
  removeTabBarBadge: async (options: { index: number }) => {
    taroTest.badges.set(options.index, '');
    return { errMsg: 'removeTabBarBadge:ok' };
  },
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  showToast,
  showModal,
  showActionSheet,
  navigateTo: navigate,
  redirectTo: navigate,
  switchTab: navigate,
  navigateBack: async () => ({ errMsg: 'navigateBack:ok' }),
  stopPullDownRefresh: () => undefined,
  getCurrentPages: () => [] as { route?: string }[],
  downloadFile,
  getFileSystemManager,
  chooseMessageFile,
  openDocument,
};

export default Taro;
