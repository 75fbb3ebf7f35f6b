import type {
  ApplicationStatus,
  CancelConsultationRequest,
  ChangePasswordRequest,
  ConfirmPhoneRequest,
  CreateApplicationRequest,
  DeleteAccountRequest,
  DeclineApplicationRequest,
  LoginRequest,
  PhoneCodeRequest,
  RegisterRequest,
  ResetPasswordRequest,
  ScheduleApplicationRequest,
  WriteConclusionRequest,
} from '@oz/contracts';
import { endpointPath, type AddressOf, type Endpoint, type InputArgs, type InputOf, type JsonEndpoint, type LinkEndpoint, type ResponseOf } from '@oz/contracts/endpoints';
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

/** Whose audit trail the manager reads: by the patient's phone as people write it, or by their id. */
export type AuditWhose = { phone: string; patientId?: undefined } | { patientId: string; phone?: undefined };

export interface ApiClientOptions {
  /** API origin, e.g. `https://oz.example.ru`; requests go to `${origin}/api/v1`. */
  origin: string;
  /** The bearer token to send, read at request time so a sign-in elsewhere applies at once. */
  token?: () => string | null;
  /** Called when the API says a token is no longer valid (401 unauthenticated). */
  onUnauthenticated?: (token: string) => void;
}

/** What every call may add to the endpoint's input. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the session token (`null`: send none), e.g. to check a token handed over by a portal. */
  token?: string | null | undefined;
}

/** The input of a call of `E`: its `params`, `query` and `body` as @oz/contracts declares them, and the call options. */
export type CallInput<E extends Endpoint> = InputOf<E> & CallOptions;

/** The loose shape of any endpoint's input, inside the client. */
interface AnyInput extends CallOptions {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | undefined | null>>;
  body?: unknown;
}

/**
 * A thin typed client of the API: every call names its endpoint in @oz/contracts' Endpoints map,
 * which gives its path, its input and its response type.
 */
export class ApiClient {
  readonly origin: string;
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.origin = options.origin;
    this.#options = options;
  }

  /**
   * Calls an endpoint that answers JSON (or 204, resolving to undefined): `{param}`s of its path
   * filled and encoded, the query of the values that are set, the body as JSON.
   */
  call<E extends JsonEndpoint>(endpoint: E, ...[input]: InputArgs<CallInput<E>>): Promise<ResponseOf<E>> {
    return this.#request(endpoint, (input ?? {}) as AnyInput) as Promise<ResponseOf<E>>;
  }

  /** The absolute address of an endpoint, for links, EventSource and transports fetch cannot serve (XHR uploads). */
  url<E extends Endpoint>(endpoint: E, ...[input]: InputArgs<AddressOf<E>>): string {
    return this.#url(endpoint, (input ?? {}) as AnyInput).url;
  }

  register(body: RegisterRequest, signal?: AbortSignal) {
    return this.call('POST /auth/register', { body, signal, token: null });
  }

  /** An SMS code for registration or a forgotten password (202 `{expiresAt, resendAfter}`). */
  requestPhoneCode(body: PhoneCodeRequest, signal?: AbortSignal) {
    return this.call('POST /auth/phone-code', { body, signal, token: null });
  }

  resetPassword(body: ResetPasswordRequest, signal?: AbortSignal) {
    return this.call('POST /auth/password/reset', { body, signal, token: null });
  }

  /** A code to the signed-in user's own phone, for an account from before SMS codes. */
  requestPhoneConfirmationCode(signal?: AbortSignal) {
    return this.call('POST /auth/phone/code', { signal });
  }

  confirmPhone(body: ConfirmPhoneRequest, signal?: AbortSignal) {
    return this.call('POST /auth/phone/confirm', { body, signal });
  }

  login(body: LoginRequest, signal?: AbortSignal) {
    return this.call('POST /auth/login', { body, signal, token: null });
  }

  logout(token: string, signal?: AbortSignal) {
    return this.call('POST /auth/logout', { signal, token });
  }

  changePassword(body: ChangePasswordRequest, signal?: AbortSignal) {
    return this.call('POST /auth/password', { body, signal });
  }

  me(options: { token?: string; signal?: AbortSignal } = {}) {
    return this.call('GET /me', options);
  }

  centers(signal?: AbortSignal) {
    return this.call('GET /centers', { signal });
  }

  consent(lang: 'ru' | 'en', signal?: AbortSignal) {
    return this.call('GET /consent', { query: { lang }, signal });
  }

  /** The address of the consent text as a readable page, for links. */
  consentPageUrl(lang: 'ru' | 'en'): string {
    return this.url('GET /consent', { query: { lang, format: 'html' } });
  }

  // Documents. Uploads go through uploadDocument() in upload.ts: fetch cannot report upload progress.
  documents(options: { patientId?: string; signal?: AbortSignal } = {}) {
    return this.call('GET /documents', { query: { patientId: options.patientId }, signal: options.signal });
  }

  deleteDocument(id: string, signal?: AbortSignal) {
    return this.call('DELETE /documents/{id}', { params: { id }, signal });
  }

  /** The file, for opening or saving: the content route needs the bearer token, so a plain link cannot work. */
  documentContent(id: string, signal?: AbortSignal): Promise<Blob> {
    return this.#file('GET /documents/{id}/content', { params: { id }, signal });
  }

  // Applications (path 1)
  /** A doctor's center queue, oldest first, one page; a patient's own applications (all on one page). */
  applications(options: { status?: ApplicationStatus | undefined } & PageOptions = {}) {
    const { status, limit, cursor, signal } = options;
    return this.call('GET /applications', { query: { status, limit: pageLimit('applications', limit), cursor }, signal });
  }

  application(id: string, signal?: AbortSignal) {
    return this.call('GET /applications/{id}', { params: { id }, signal });
  }

  createApplication(body: CreateApplicationRequest, signal?: AbortSignal) {
    return this.call('POST /applications', { body, signal });
  }

  cancelApplication(id: string, signal?: AbortSignal) {
    return this.call('POST /applications/{id}/cancel', { params: { id }, signal });
  }

  scheduleApplication(id: string, body: ScheduleApplicationRequest, signal?: AbortSignal) {
    return this.call('POST /applications/{id}/schedule', { params: { id }, body, signal });
  }

  declineApplication(id: string, body: DeclineApplicationRequest, signal?: AbortSignal) {
    return this.call('POST /applications/{id}/decline', { params: { id }, body, signal });
  }

  // Consultations
  /** One page of the user's consultations (a patient's own, a doctor's own). */
  consultations(options: ConsultationListOptions = {}) {
    const { from, to, order, limit, cursor, signal } = options;
    return this.call('GET /consultations', { query: { from, to, order, limit: pageLimit('consultations', limit), cursor }, signal });
  }

  consultation(id: string, signal?: AbortSignal) {
    return this.call('GET /consultations/{id}', { params: { id }, signal });
  }

  cancelConsultation(id: string, body: CancelConsultationRequest = {}, signal?: AbortSignal) {
    return this.call('POST /consultations/{id}/cancel', { params: { id }, body, signal });
  }

  conclusion(id: string, signal?: AbortSignal) {
    return this.call('GET /consultations/{id}/conclusion', { params: { id }, signal });
  }

  writeConclusion(id: string, body: WriteConclusionRequest, signal?: AbortSignal) {
    return this.call('POST /consultations/{id}/conclusion', { params: { id }, body, signal });
  }

  // Notifications
  /** One page of the user's notifications, newest first, with the count of unread ones. */
  notifications(options: PageOptions = {}) {
    const { limit, cursor, signal } = options;
    return this.call('GET /notifications', { query: { limit: pageLimit('notifications', limit), cursor }, signal });
  }

  markNotificationRead(id: string, signal?: AbortSignal) {
    return this.call('POST /notifications/{id}/read', { params: { id }, signal });
  }

  streamTicket(signal?: AbortSignal) {
    return this.call('POST /notifications/stream-ticket', { signal });
  }

  /** The address of the live notification stream for a ticket from streamTicket(). */
  notificationStreamUrl(ticket: string): string {
    return this.url('GET /notifications/stream', { query: { ticket } });
  }

  // The audit trail of medical data
  /** What other people did with the signed-in patient's data, newest first, one page (patient). */
  myAudit(options: PageOptions = {}) {
    const { limit, cursor, signal } = options;
    return this.call('GET /me/audit', { query: { limit: pageLimit('audit', limit), cursor }, signal });
  }

  /** One patient's trail, newest first, one page, with whose it is (manager; 404 when nobody has that phone). */
  patientAudit(whose: AuditWhose, options: PageOptions = {}) {
    const { limit, cursor, signal } = options;
    return this.call('GET /audit', { query: { ...whose, limit: pageLimit('audit', limit), cursor }, signal });
  }

  /** One patient's whole trail as a CSV file (manager): fetched with the token, never through a link with it. */
  auditCsv(whose: AuditWhose, signal?: AbortSignal): Promise<Blob> {
    return this.#file('GET /audit/export.csv', { query: { ...whose }, signal });
  }

  /** «Скачать мои данные»: the patient's records and documents as one ZIP. */
  myDataExport(signal?: AbortSignal): Promise<Blob> {
    return this.#file('GET /me/export', { signal });
  }

  /** «Удалить аккаунт» with the password (patient): 204, and every session of the account ends. */
  deleteAccount(body: DeleteAccountRequest, signal?: AbortSignal) {
    return this.call('DELETE /me', { body, signal });
  }

  /**
   * The API said this token is no longer valid, so the page's session must end: after every call,
   * including those of transports that cannot use call() (XHR uploads).
   */
  reportUnauthenticated(error: ApiError, token: string | null): void {
    if (error.code === 'unauthenticated' && token) this.#options.onUnauthenticated?.(token);
  }

  /** The bearer token requests carry now, for transports that cannot use fetch (XHR uploads). */
  currentToken(): string | null {
    return this.#options.token?.() ?? null;
  }

  /** `${origin}/api/v1/consultations/a%2Fb?limit=5`: `{param}`s filled and encoded, the query of the values that are set. */
  #url(endpoint: Endpoint, { params, query }: AnyInput) {
    const { method, path } = endpointPath(endpoint, params as never);
    return { method, url: `${this.origin}/api/v1${path}${searchOf(query ?? {})}` };
  }

  /** A file answer (a document, a CSV) as a Blob, fetched with the bearer token in a header. */
  async #file(endpoint: LinkEndpoint, input: AnyInput): Promise<Blob> {
    const { method, url } = this.#url(endpoint, input);
    const token = this.currentToken();
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    return (await this.#send(url, { method, headers, signal: input.signal ?? null }, token)).blob();
  }

  async #request(endpoint: JsonEndpoint, input: AnyInput): Promise<unknown> {
    const { method, url } = this.#url(endpoint, input);
    const { body, signal } = input;
    const token = input.token !== undefined ? input.token : this.currentToken();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    const response = await this.#send(
      url,
      { method, headers, body: body === undefined ? null : JSON.stringify(body), signal: signal ?? null },
      token,
    );
    if (response.status === 204) return undefined;
    return response.json();
  }

  /**
   * Fetches `url`: a failed connection becomes a NetworkError, an error answer the ApiError it
   * carries (ending the session when `token` is no longer valid).
   */
  async #send(url: string, init: RequestInit, token: string | null): Promise<Response> {
    let response: Response;
    try {
      // The token travels in a header; cookies of the API origin are never needed.
      response = await fetch(url, { ...init, credentials: 'omit' });
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
