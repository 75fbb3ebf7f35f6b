import type {
  AuthResponse,
  CenterList,
  ChangePasswordRequest,
  ChangePasswordResponse,
  ConsentText,
  LoginRequest,
  MeResponse,
  RegisterRequest,
} from '@oz/contracts';
import { NetworkError, isAbortError } from './errors.ts';
import { readApiError } from './read-error.ts';

export interface ApiClientOptions {
  /** API origin, e.g. `https://oz.example.ru`; requests go to `${origin}/api/v1`. */
  origin: string;
  /** The bearer token to send, read at request time so a sign-in elsewhere applies at once. */
  token?: () => string | null;
  /** Called when the API says a token is no longer valid (401 unauthenticated). */
  onUnauthenticated?: (token: string) => void;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Overrides the session token, e.g. to check a token handed over by a portal. */
  token?: string | null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A thin typed client of the API; request and response types come from @oz/contracts. */
export class ApiClient {
  readonly origin: string;
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.origin = options.origin;
    this.#options = options;
  }

  register(body: RegisterRequest, signal?: AbortSignal) {
    return this.request<AuthResponse>('POST', '/auth/register', { body, signal, token: null });
  }

  login(body: LoginRequest, signal?: AbortSignal) {
    return this.request<AuthResponse>('POST', '/auth/login', { body, signal, token: null });
  }

  logout(token: string, signal?: AbortSignal) {
    return this.request<void>('POST', '/auth/logout', { signal, token });
  }

  changePassword(body: ChangePasswordRequest, signal?: AbortSignal) {
    return this.request<ChangePasswordResponse>('POST', '/auth/password', { body, signal });
  }

  me(options: { token?: string; signal?: AbortSignal } = {}) {
    return this.request<MeResponse>('GET', '/me', options);
  }

  centers(signal?: AbortSignal) {
    return this.request<CenterList>('GET', '/centers', { signal });
  }

  consent(lang: 'ru' | 'en', signal?: AbortSignal) {
    return this.request<ConsentText>('GET', `/consent?lang=${lang}`, { signal });
  }

  /** The address of the consent text as a readable page, for links. */
  consentPageUrl(lang: 'ru' | 'en'): string {
    return `${this.origin}/api/v1/consent?lang=${lang}&format=html`;
  }

  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const token = options.token !== undefined ? options.token : (this.#options.token?.() ?? null);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(`${this.origin}/api/v1${path}`, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
        // The token travels in a header; cookies of the API origin are never needed.
        credentials: 'omit',
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new NetworkError({ cause: error });
    }

    if (!response.ok) {
      const error = await readApiError(response);
      if (error.code === 'unauthenticated' && token) this.#options.onUnauthenticated?.(token);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
