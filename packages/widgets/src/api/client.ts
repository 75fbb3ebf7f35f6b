import type {
  Application,
  ApplicationList,
  ApplicationStatus,
  CancelConsultationRequest,
  Conclusion,
  Consultation,
  ConsultationList,
  CreateApplicationRequest,
  DeclineApplicationRequest,
  DocumentList,
  Notification,
  NotificationList,
  ScheduleApplicationRequest,
  StreamTicket,
  WriteConclusionRequest,
  AuthResponse,
  CenterList,
  ChangePasswordRequest,
  ChangePasswordResponse,
  ConsentText,
  LoginRequest,
  MeResponse,
  RegisterRequest,
} from '@oz/contracts';
import { NetworkError, isAbortError, type ApiError } from './errors.ts';
import { pageLimit, searchOf, type PageOptions } from './page-query.ts';
import { readApiError } from './read-error.ts';

/** GET /consultations: by start time, optionally within `from`–`to` (ISO with offset). */
export interface ConsultationListOptions extends PageOptions {
  /** Only consultations starting at or after this time. */
  from?: string | undefined;
  /** Only consultations starting before this time. */
  to?: string | undefined;
  /** `asc` (the API's default: the earliest first) or `desc`. */
  order?: 'asc' | 'desc' | undefined;
}

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

  // Documents. Uploads go through uploadDocument() in upload.ts: fetch cannot report upload progress.
  documents(options: { patientId?: string; signal?: AbortSignal } = {}) {
    const query = options.patientId ? `?patientId=${encodeURIComponent(options.patientId)}` : '';
    return this.request<DocumentList>('GET', `/documents${query}`, { signal: options.signal });
  }

  deleteDocument(id: string, signal?: AbortSignal) {
    return this.request<void>('DELETE', `/documents/${encodeURIComponent(id)}`, { signal });
  }

  /** The file, for opening or saving: the content route needs the bearer token, so a plain link cannot work. */
  async documentContent(id: string, signal?: AbortSignal): Promise<Blob> {
    const response = await this.fetchRaw('GET', `/documents/${encodeURIComponent(id)}/content`, signal);
    return response.blob();
  }

  // Applications (path 1)
  /** A doctor's center queue, oldest first, one page; a patient's own applications (all on one page). */
  applications(options: { status?: ApplicationStatus | undefined } & PageOptions = {}) {
    const query = searchOf({ status: options.status, limit: pageLimit('applications', options.limit), cursor: options.cursor });
    return this.request<ApplicationList>('GET', `/applications${query}`, { signal: options.signal });
  }

  application(id: string, signal?: AbortSignal) {
    return this.request<Application>('GET', `/applications/${encodeURIComponent(id)}`, { signal });
  }

  createApplication(body: CreateApplicationRequest, signal?: AbortSignal) {
    return this.request<Application>('POST', '/applications', { body, signal });
  }

  cancelApplication(id: string, signal?: AbortSignal) {
    return this.request<Application>('POST', `/applications/${encodeURIComponent(id)}/cancel`, { signal });
  }

  scheduleApplication(id: string, body: ScheduleApplicationRequest, signal?: AbortSignal) {
    return this.request<Consultation>('POST', `/applications/${encodeURIComponent(id)}/schedule`, { body, signal });
  }

  declineApplication(id: string, body: DeclineApplicationRequest, signal?: AbortSignal) {
    return this.request<Application>('POST', `/applications/${encodeURIComponent(id)}/decline`, { body, signal });
  }

  // Consultations
  /** One page of the user's consultations (a patient's own, a doctor's own). */
  consultations(options: ConsultationListOptions = {}) {
    const { from, to, order, limit, cursor } = options;
    return this.request<ConsultationList>('GET', `/consultations${searchOf({ from, to, order, limit: pageLimit('consultations', limit), cursor })}`, {
      signal: options.signal,
    });
  }

  consultation(id: string, signal?: AbortSignal) {
    return this.request<Consultation>('GET', `/consultations/${encodeURIComponent(id)}`, { signal });
  }

  cancelConsultation(id: string, body: CancelConsultationRequest = {}, signal?: AbortSignal) {
    return this.request<Consultation>('POST', `/consultations/${encodeURIComponent(id)}/cancel`, { body, signal });
  }

  conclusion(id: string, signal?: AbortSignal) {
    return this.request<Conclusion>('GET', `/consultations/${encodeURIComponent(id)}/conclusion`, { signal });
  }

  writeConclusion(id: string, body: WriteConclusionRequest, signal?: AbortSignal) {
    return this.request<Conclusion>('POST', `/consultations/${encodeURIComponent(id)}/conclusion`, { body, signal });
  }

  // Notifications
  /** One page of the user's notifications, newest first, with the count of unread ones. */
  notifications(options: PageOptions = {}) {
    const query = searchOf({ limit: pageLimit('notifications', options.limit), cursor: options.cursor });
    return this.request<NotificationList>('GET', `/notifications${query}`, { signal: options.signal });
  }

  markNotificationRead(id: string, signal?: AbortSignal) {
    return this.request<Notification>('POST', `/notifications/${encodeURIComponent(id)}/read`, { signal });
  }

  streamTicket(signal?: AbortSignal) {
    return this.request<StreamTicket>('POST', '/notifications/stream-ticket', { signal });
  }

  /** The address of the live notification stream for a ticket from streamTicket(). */
  notificationStreamUrl(ticket: string): string {
    return `${this.origin}/api/v1/notifications/stream?ticket=${encodeURIComponent(ticket)}`;
  }

  /**
   * The API said this token is no longer valid, so the page's session must end: after every call,
   * including those of transports that cannot use request() (XHR uploads).
   */
  reportUnauthenticated(error: ApiError, token: string | null): void {
    if (error.code === 'unauthenticated' && token) this.#options.onUnauthenticated?.(token);
  }

  /** The bearer token requests carry now, for transports that cannot use fetch (XHR uploads). */
  currentToken(): string | null {
    return this.#options.token?.() ?? null;
  }

  private fetchRaw(method: Method, path: string, signal?: AbortSignal): Promise<Response> {
    const token = this.currentToken();
    return this.#send(path, { method, headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: signal ?? null }, token);
  }

  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const token = options.token !== undefined ? options.token : (this.#options.token?.() ?? null);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';

    const response = await this.#send(
      path,
      {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      },
      token,
    );
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /**
   * Fetches `${origin}/api/v1${path}`: a failed connection becomes a NetworkError, an error answer
   * the ApiError it carries (ending the session when `token` is no longer valid).
   */
  async #send(path: string, init: RequestInit, token: string | null): Promise<Response> {
    let response: Response;
    try {
      // The token travels in a header; cookies of the API origin are never needed.
      response = await fetch(`${this.origin}/api/v1${path}`, { ...init, credentials: 'omit' });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new NetworkError({ cause: error });
    }
    if (!response.ok) {
      const error = await readApiError(response);
      this.reportUnauthenticated(error, token);
      throw error;
    }
    return response;
  }
}
