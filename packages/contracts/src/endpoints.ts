// Every HTTP endpoint of the API (server/src/routes/*.ts), as types: what a client sends and what
// it gets back. Only `import type` here: a client that imports this file gets endpointPath() and
// no zod. server/test/endpoints.test.ts holds it to the server's OpenAPI document and route types.
import type { z } from 'zod';
import type { ApplicationListQuery, CreateApplicationRequest, DeclineApplicationRequest, ScheduleApplicationRequest } from './applications.ts';
import type { Application, ApplicationList } from './applications.ts';
import type { AuthResponse, ChangePasswordRequest, ChangePasswordResponse, ConsentText, LoginRequest, MeResponse, RegisterRequest } from './auth.ts';
import type { ConfirmPhoneRequest, ConfirmPhoneResponse, DeleteAccountRequest, PhoneCodeRequest, PhoneCodeResponse, ResetPasswordRequest } from './auth.ts';
import type { CenterList } from './centers.ts';
import type { CancelConsultationRequest, Conclusion, Consultation, ConsultationList, ConsultationListQuery, WriteConclusionRequest } from './consultations.ts';
import type { DocumentList, DocumentListQuery, MedicalDocument, UploadDocumentForm } from './documents.ts';
import type { BookDutySlotRequest, DutySlotList, DutySlotQuery, PublishDutySlotsRequest } from './duty.ts';
import type { ChatMessage, ChatMessageList, ChatMessageListQuery, PostMessageRequest } from './messages.ts';
import type { Notification, NotificationList, NotificationListQuery, StreamTicket } from './notifications.ts';
import type { pageQuery } from './paging.ts';
import type { CredentialsResendRequest, CredentialsResendResult, ReferralImportQuery, ReferralImportReport } from './referrals.ts';
import type { SpeedTestResult, VideoJoin } from './video.ts';
import type { AuditExportQuery, AuditList, AuditQuery, MyAuditQuery } from './audit.ts';
import type { CreateStaffRequest, DisableStaffResult, StaffList, StaffMember, StaffPasswordResult, UpdateStaffRequest } from './staff.ts';

/** A request body as the client writes it (before the server's defaults and transforms). */
type Body<S extends z.ZodType> = z.input<S>;
/** A response body as the server sends it. */
type Json<S extends z.ZodType> = z.output<S>;
/**
 * A query as the client writes it: the fields the schema requires stay required, those with a
 * default may be left out. Values are the schema's input, or its output where the input is any
 * string the server coerces (`limit`: a number).
 */
export type QueryOf<S extends z.ZodType> = {
  [K in keyof z.input<S>]: unknown extends z.input<S>[K] ? (K extends keyof z.output<S> ? z.output<S>[K] : never) : z.input<S>[K];
};

/** `{id}` of a path: the API's ids are short random strings. */
interface IdParams {
  id: string;
}

/** The answer is a file or bytes, not JSON: read it with `response.blob()`, or link to it. */
export type FileAnswer = Blob;
/** The answer is `text/event-stream`: open the address with EventSource. */
export interface EventStream {
  readonly contentType: 'text/event-stream';
}

/**
 * Every endpoint, keyed `'METHOD /path/{param}'` as in the OpenAPI document (paths under
 * `/api/v1`). Each has `response` (`void`: 204 without a body) and, when it takes them, `params`
 * (the `{name}`s of the path), `query`, `body` (JSON; optional where the route says so), `form`
 * (multipart/form-data) or `bytes` (application/octet-stream).
 */
export interface Endpoints {
  // Accounts (routes/auth.ts, me.ts, consent.ts)
  'POST /auth/register': { body: Body<typeof RegisterRequest>; response: AuthResponse };
  'POST /auth/login': { body: Body<typeof LoginRequest>; response: AuthResponse };
  'POST /auth/logout': { response: void };
  'POST /auth/password': { body: Body<typeof ChangePasswordRequest>; response: ChangePasswordResponse };
  'POST /auth/phone-code': { body: Body<typeof PhoneCodeRequest>; response: PhoneCodeResponse };
  'POST /auth/password/reset': { body: Body<typeof ResetPasswordRequest>; response: AuthResponse };
  'POST /auth/phone/code': { response: PhoneCodeResponse };
  'POST /auth/phone/confirm': { body: Body<typeof ConfirmPhoneRequest>; response: ConfirmPhoneResponse };
  'GET /me': { response: MeResponse };
  /** `format=html` answers a readable page instead, for links. The query is declared in routes/consent.ts. */
  'GET /consent': { query: { lang?: 'ru' | 'en'; format?: 'json' | 'html' }; response: ConsentText };

  // Catalog (routes/centers.ts)
  'GET /centers': { response: CenterList };

  // Documents (routes/documents.ts)
  'POST /documents': { form: z.input<typeof UploadDocumentForm>; response: MedicalDocument };
  'GET /documents': { query: QueryOf<typeof DocumentListQuery>; response: DocumentList };
  'GET /documents/{id}/content': { params: IdParams; response: FileAnswer };
  'DELETE /documents/{id}': { params: IdParams; response: void };

  // Applications, path 1 (routes/applications.ts)
  'POST /applications': { body: Body<typeof CreateApplicationRequest>; response: Application };
  'GET /applications': { query: QueryOf<typeof ApplicationListQuery>; response: ApplicationList };
  'GET /applications/{id}': { params: IdParams; response: Application };
  'POST /applications/{id}/schedule': { params: IdParams; body: Body<typeof ScheduleApplicationRequest>; response: Consultation };
  'POST /applications/{id}/decline': { params: IdParams; body: Body<typeof DeclineApplicationRequest>; response: Application };
  'POST /applications/{id}/cancel': { params: IdParams; response: Application };

  // Consultations and their chat (routes/consultations.ts)
  'GET /consultations': { query: QueryOf<typeof ConsultationListQuery>; response: ConsultationList };
  'GET /consultations/{id}': { params: IdParams; response: Consultation };
  'POST /consultations/{id}/cancel': { params: IdParams; body?: Body<typeof CancelConsultationRequest>; response: Consultation };
  'POST /consultations/{id}/conclusion': { params: IdParams; body: Body<typeof WriteConclusionRequest>; response: Conclusion };
  'GET /consultations/{id}/conclusion': { params: IdParams; response: Conclusion };
  'GET /consultations/{id}/messages': { params: IdParams; query: QueryOf<typeof ChatMessageListQuery>; response: ChatMessageList };
  'POST /consultations/{id}/messages': { params: IdParams; body: Body<typeof PostMessageRequest>; response: ChatMessage };
  'POST /consultations/{id}/messages/read': { params: IdParams; response: void };

  // Notifications (routes/notifications.ts)
  'GET /notifications': { query: QueryOf<typeof NotificationListQuery>; response: NotificationList };
  'POST /notifications/{id}/read': { params: IdParams; response: Notification };
  'POST /notifications/stream-ticket': { response: StreamTicket };
  /** The ticket from stream-ticket: EventSource cannot send the bearer token. */
  'GET /notifications/stream': { query: { ticket: string }; response: EventStream };

  // Duty doctors, path 2 (routes/duty.ts)
  'GET /duty/slots': { query: QueryOf<typeof DutySlotQuery>; response: DutySlotList };
  'GET /duty/slots/mine': { query: QueryOf<ReturnType<typeof pageQuery>>; response: DutySlotList };
  'POST /duty/slots': { body: Body<typeof PublishDutySlotsRequest>; response: DutySlotList };
  'DELETE /duty/slots/{id}': { params: IdParams; response: void };
  'POST /duty/slots/{id}/book': { params: IdParams; body?: Body<typeof BookDutySlotRequest>; response: Consultation };

  // Video (routes/video.ts)
  'POST /consultations/{id}/video': { params: IdParams; response: VideoJoin };
  'POST /consultations/{id}/video/end': { params: IdParams; response: void };
  'GET /video/speedtest': { query: { bytes?: number }; response: FileAnswer };
  'POST /video/speedtest': { bytes: BufferSource | Blob; response: Json<typeof SpeedTestResult> };

  // Referrals, path 3 (routes/referrals.ts)
  'POST /referrals/import': { query: QueryOf<typeof ReferralImportQuery>; form: { file: File }; response: ReferralImportReport };
  'POST /referrals/credentials': { body: Body<typeof CredentialsResendRequest>; response: CredentialsResendResult };
  'GET /referrals/template.csv': { response: FileAnswer };

  // The audit trail (routes/audit.ts)
  'GET /audit': { query: QueryOf<typeof AuditQuery>; response: AuditList };
  'GET /audit/export.csv': { query: QueryOf<typeof AuditExportQuery>; response: FileAnswer };
  'GET /me/audit': { query: QueryOf<typeof MyAuditQuery>; response: AuditList };
  'GET /me/export': { response: FileAnswer };
  /** «Удалить аккаунт»: 204; the token is revoked with every other session of the account. */
  'DELETE /me': { body: Body<typeof DeleteAccountRequest>; response: void };

  // Staff accounts (routes/staff.ts)
  'GET /staff': { response: StaffList };
  'POST /staff': { body: Body<typeof CreateStaffRequest>; response: StaffPasswordResult };
  'PATCH /staff/{id}': { params: IdParams; body: Body<typeof UpdateStaffRequest>; response: StaffMember };
  'POST /staff/{id}/disable': { params: IdParams; response: DisableStaffResult };
  'POST /staff/{id}/enable': { params: IdParams; response: StaffMember };
  'POST /staff/{id}/password': { params: IdParams; response: StaffPasswordResult };
}

export type Endpoint = keyof Endpoints;
export type MethodOf<E extends Endpoint> = E extends `${infer M} ${string}` ? M : never;
export type HttpMethod = MethodOf<Endpoint>;
export type PathOf<E extends Endpoint> = E extends `${string} ${infer P}` ? P : never;
export type ResponseOf<E extends Endpoint> = Endpoints[E]['response'];

/** `{ [key]: T }` when the endpoint has it, optional when it may be left out, `{ key?: never }` otherwise. */
type Part<T, K extends string> = K extends keyof T
  ? undefined extends T[K]
    ? { [P in K]?: T[K] }
    : {} extends T[K]
      ? { [P in K]?: T[K] }
      : { [P in K]: T[K] }
  : { [P in K]?: never };

/** What makes an endpoint's address: its path's `{params}` and its query. */
export type AddressOf<E extends Endpoint> = Part<Endpoints[E], 'params'> & Part<Endpoints[E], 'query'>;
/** Everything a call of the endpoint sends. */
export type InputOf<E extends Endpoint> = AddressOf<E> & Part<Endpoints[E], 'body'> & Part<Endpoints[E], 'form'> & Part<Endpoints[E], 'bytes'>;

/** Endpoints that take a JSON body (or none) and answer JSON (or 204): what a plain fetch-and-parse serves. */
export type JsonEndpoint = {
  [E in Endpoint]: Endpoints[E] extends { form: unknown } | { bytes: unknown } ? never : ResponseOf<E> extends FileAnswer | EventStream ? never : E;
}[Endpoint];
/** Endpoints that take a multipart form. */
export type FormEndpoint = { [E in Endpoint]: Endpoints[E] extends { form: unknown } ? E : never }[Endpoint];
/** Endpoints whose answer is not JSON: a file, or an event stream. */
export type LinkEndpoint = { [E in Endpoint]: ResponseOf<E> extends FileAnswer | EventStream ? E : never }[Endpoint];

/** The argument list of a function taking the endpoint's input `T`: optional when nothing in it is required. */
export type InputArgs<T> = {} extends T ? [input?: T] : [input: T];

/**
 * The method and the path of an endpoint with its `{params}` filled in, each encoded as a path
 * segment: `endpointPath('GET /consultations/{id}', { id: 'a/b' })` → `{ method: 'GET', path: '/consultations/a%2Fb' }`.
 * The query is the caller's to append.
 */
export function endpointPath<E extends Endpoint>(
  endpoint: E,
  ...[params]: Endpoints[E] extends { params: infer P } ? [params: P] : [params?: undefined]
): { method: MethodOf<E>; path: string } {
  const space = endpoint.indexOf(' ');
  const values = (params ?? {}) as Readonly<Record<string, string | undefined>>;
  const path = endpoint.slice(space + 1).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TypeError(`${endpoint}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  return { method: endpoint.slice(0, space) as MethodOf<E>, path };
}
