import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono, Schema } from 'hono';
import type { Endpoint, Endpoints, EventStream, FileAnswer, MethodOf, PathOf } from '@oz/contracts';
import type { AppType } from '../src/app.ts';
import { startTestServer, type TestServer } from './helpers.ts';

/**
 * Every key of @oz/contracts' Endpoints map, at run time. `satisfies` makes the compiler hold this
 * list to the map: a key missing here or one the map lacks does not compile.
 */
const ENDPOINTS = {
  'POST /auth/register': true,
  'POST /auth/login': true,
  'POST /auth/logout': true,
  'POST /auth/password': true,
  'POST /auth/phone-code': true,
  'POST /auth/password/reset': true,
  'POST /auth/phone/code': true,
  'POST /auth/phone/confirm': true,
  'GET /me': true,
  'GET /consent': true,
  'GET /centers': true,
  'POST /documents': true,
  'GET /documents': true,
  'GET /documents/{id}/content': true,
  'DELETE /documents/{id}': true,
  'POST /applications': true,
  'GET /applications': true,
  'GET /applications/{id}': true,
  'POST /applications/{id}/schedule': true,
  'POST /applications/{id}/decline': true,
  'POST /applications/{id}/cancel': true,
  'GET /consultations': true,
  'GET /consultations/{id}': true,
  'POST /consultations/{id}/cancel': true,
  'POST /consultations/{id}/conclusion': true,
  'GET /consultations/{id}/conclusion': true,
  'GET /consultations/{id}/messages': true,
  'POST /consultations/{id}/messages': true,
  'POST /consultations/{id}/messages/read': true,
  'GET /notifications': true,
  'POST /notifications/{id}/read': true,
  'POST /notifications/stream-ticket': true,
  'GET /notifications/stream': true,
  'GET /duty/slots': true,
  'GET /duty/slots/mine': true,
  'POST /duty/slots': true,
  'DELETE /duty/slots/{id}': true,
  'POST /duty/slots/{id}/book': true,
  'POST /consultations/{id}/video': true,
  'POST /consultations/{id}/video/end': true,
  'GET /video/speedtest': true,
  'POST /video/speedtest': true,
  'POST /referrals/import': true,
  'POST /referrals/credentials': true,
  'GET /referrals/template.csv': true,
  'GET /audit': true,
  'GET /audit/export.csv': true,
  'GET /me/audit': true,
  'GET /me/export': true,
  'DELETE /me': true,
  'GET /staff': true,
  'POST /staff': true,
  'PATCH /staff/{id}': true,
  'POST /staff/{id}/disable': true,
  'POST /staff/{id}/enable': true,
  'POST /staff/{id}/password': true,
} as const satisfies Record<Endpoint, true>;

/**
 * Operations of the API the Endpoints map leaves out on purpose, with the reason. Empty: the map
 * covers the whole API. (The signaling WebSocket, /video/rooms/{id}, is not an OpenAPI operation;
 * the widgets get its address from POST /consultations/{id}/video.)
 */
const NOT_IN_MAP: ReadonlyMap<string, string> = new Map();

describe('the Endpoints map of @oz/contracts against the OpenAPI document', () => {
  let server: TestServer;
  let operations: string[];
  before(async () => {
    server = await startTestServer();
    const response = await server.request('/api/v1/openapi.json');
    assert.equal(response.status, 200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => methods.has(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  after(() => server.close());

  it('names only operations the API has, with their method and path', () => {
    const unknown = Object.keys(ENDPOINTS).filter((key) => !operations.includes(key));
    assert.deepEqual(unknown, [], 'keys of Endpoints the OpenAPI document does not have');
  });

  it('has every operation of the API (or says why not)', () => {
    const missing = operations.filter((operation) => !(operation in ENDPOINTS) && !NOT_IN_MAP.has(operation));
    assert.deepEqual(missing, [], 'operations of the OpenAPI document missing from Endpoints');
    for (const operation of NOT_IN_MAP.keys()) assert.ok(operations.includes(operation), `${operation} is allowed out but does not exist`);
  });
});

// --- At compile time: each entry's params, query, body and response against the route's own types
// (the Hono schema of AppType, from the same createRoute definitions as the OpenAPI document).

// `any`: the environment and base path do not matter here (this is how hono/client reads an app's schema).
type Routes = AppType extends Hono<any, infer S extends Schema, any> ? S : never;
/** `/consultations/{id}` → `/consultations/:id`. */
type HonoPath<P extends string> = P extends `${infer A}{${infer Name}}${infer B}` ? `${A}:${Name}${HonoPath<B>}` : P;
type RouteOf<E extends Endpoint> =
  HonoPath<PathOf<E>> extends infer P extends keyof Routes
    ? `$${Lowercase<MethodOf<E>>}` extends infer M extends keyof Routes[P]
      ? Routes[P][M]
      : 'no such method'
    : 'no such path';
type InputOfRoute<E extends Endpoint> = RouteOf<E> extends { input: infer I } ? I : never;
type SuccessOf<E extends Endpoint> = Extract<RouteOf<E>, { status: 200 | 201 | 202 | 204 }>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type Field<T, K extends string> = T extends { [P in K]: infer V } ? V : never;
/** The names of an object's fields; none for `never` (the part is absent). */
type KeysOf<T> = [T] extends [never] ? never : keyof T;
type Declared<E extends Endpoint, K extends string> = K extends keyof Endpoints[E] ? Exclude<Endpoints[E][K & keyof Endpoints[E]], undefined> : never;

type RouteProblem<E extends Endpoint> = RouteOf<E> extends string ? `${E}: ${RouteOf<E>}` : never;
type ParamsProblem<E extends Endpoint> = Same<KeysOf<Declared<E, 'params'>>, KeysOf<Field<InputOfRoute<E>, 'param'>>> extends true ? never : `${E}: params differ`;
type QueryProblem<E extends Endpoint> =
  Same<KeysOf<Declared<E, 'query'>>, KeysOf<Field<InputOfRoute<E>, 'query'>>> extends false
    ? `${E}: query names differ`
    : Same<RequiredKeys<Declared<E, 'query'>>, RequiredKeys<Field<InputOfRoute<E>, 'query'>>> extends false
      ? `${E}: required query fields differ`
      : [Declared<E, 'query'>] extends [Field<InputOfRoute<E>, 'query'>]
        ? never
        : `${E}: query values the route refuses`;
type BodyProblem<E extends Endpoint> = Same<Declared<E, 'body'>, Field<InputOfRoute<E>, 'json'>> extends true ? never : `${E}: JSON body differs`;
type FormProblem<E extends Endpoint> = Same<Declared<E, 'form'>, Field<InputOfRoute<E>, 'form'>> extends true ? never : `${E}: form differs`;
/** 204 for void; no JSON for files and streams; else the JSON the route sends (a `text/html` alternative aside). */
type ResponseProblem<E extends Endpoint> = Endpoints[E]['response'] extends void
  ? Same<SuccessOf<E>['status'], 204> extends true
    ? never
    : `${E}: answers a body, not 204`
  : Endpoints[E]['response'] extends FileAnswer | EventStream
    ? Extract<SuccessOf<E>, { outputFormat: 'json' }> extends never
      ? never
      : `${E}: answers JSON, not a file or stream`
    : Same<Endpoints[E]['response'], Exclude<Field<SuccessOf<E>, 'output'>, string>> extends true
      ? never
      : `${E}: response differs`;

type Problems = {
  [E in Endpoint]: RouteProblem<E> | ParamsProblem<E> | QueryProblem<E> | BodyProblem<E> | FormProblem<E> | ResponseProblem<E>;
}[Endpoint];
/** Does not compile while the map and a route disagree; the error names the endpoints and what differs. */
const problems: [Problems] extends [never] ? 'none' : Problems = 'none';

describe('the Endpoints map of @oz/contracts against the routes\' types', () => {
  it('compiles only when every entry matches its route (npm run typecheck)', () => {
    assert.equal(problems, 'none');
  });
});
