import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerType } from '@hono/node-server';
import { ERROR_STATUS } from '@oz/contracts';
import { openSignalSocket } from './signal-client.ts';
import { errorOf, registerPatient, listenOnNode, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, signInStaff } from './fixtures.ts';
import { startFakeOpenVidu } from './fake-openvidu.ts';
import { SignalingHub } from '../src/adapters/video/signaling-hub.ts';
import { memoryCoordination } from '../src/adapters/coordination/open-coordination.ts';
import { VideoService } from '../src/services/video.ts';
import { DomainError } from '../src/services/domain-error.ts';
import type { VideoProvider } from '../src/ports/video-provider.ts';

const MINUTE = 60_000;

/** A consultation starting in `minutesAhead` minutes, 30 minutes long. */
async function consultationIn(server: TestServer, minutesAhead: number) {
  const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
  const patient = await registerPatient(server);
  const { application } = await applyToBakulev(server, patient.token);
  const startsAt = new Date(Date.now() + minutesAhead * MINUTE).toISOString();
  const response = await server.request(`/api/v1/applications/${application.id}/schedule`, { token: doctor.token, json: { startsAt, durationMinutes: 30 } });
  const consultation = (await response.json()) as { id: string };
  return { doctor, patient, consultation, startsAt };
}

describe('POST /consultations/:id/video (embedded provider)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ OZ_ICE_SERVERS: '[{"urls":"turn:turn.example.ru:3478","username":"oz","credential":"secret"}]' });
  });
  after(() => server.close());

  it('opens 15 minutes before the start and closes 60 minutes after the planned end', async () => {
    const { patient, doctor, consultation, startsAt } = await consultationIn(server, 60);
    const early = await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
    assert.equal(early.status, 409);
    const error = await errorOf(early);
    assert.equal(error.code, 'room_closed');
    assert.match(error.message, /opens at .* мск, 15 minutes before the start/);
    assert.equal((error.details as { opensAt: string }).opensAt, new Date(Date.parse(startsAt) - 15 * MINUTE).toISOString());

    server.advance(46 * MINUTE); // 14 minutes before the start
    const open = await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
    assert.equal(open.status, 200);
    const join = (await open.json()) as { provider: string; url: string; role: string; iceServers: { urls: string }[] };
    assert.equal(join.provider, 'embedded');
    assert.equal(join.role, 'patient');
    assert.match(join.url, new RegExp(`^ws://localhost/api/v1/video/rooms/${consultation.id}\\?ticket=[\\w-]{20,}$`));
    assert.deepEqual(join.iceServers, [{ urls: 'turn:turn.example.ru:3478', username: 'oz', credential: 'secret' }]);
    const doctorJoin = (await (await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: doctor.token })).json()) as { role: string };
    assert.equal(doctorJoin.role, 'doctor');
    const after = (await (await server.request(`/api/v1/consultations/${consultation.id}`, { token: patient.token })).json()) as { status: string };
    assert.equal(after.status, 'in_progress');

    server.advance((14 + 30 + 61) * MINUTE); // past the planned end + 60 minutes
    const late = await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
    assert.equal(late.status, 409);
    assert.match((await errorOf(late)).message, /closed at/);
    server.advance(-(46 + 14 + 30 + 61) * MINUTE);
  });

  it('is only for the consultation\'s patient and doctor, and not for a cancelled consultation', async () => {
    const { patient, consultation } = await consultationIn(server, 5);
    const stranger = await registerPatient(server);
    const otherDoctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    const manager = await signInStaff(server, { role: 'manager' });
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: stranger.token })).status, 404);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: otherDoctor.token })).status, 404);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: manager.token })).status, 403);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST' })).status, 401);
    await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: patient.token });
    const cancelled = await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
    assert.equal(cancelled.status, 409);
    assert.equal((await errorOf(cancelled)).code, 'room_closed');
  });

  it('after the doctor\'s end refuses the patient with call_ended until the doctor joins again', async () => {
    const { patient, doctor, consultation } = await consultationIn(server, 5);
    const video = (token: string) => server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token });
    const read = async () => (await (await server.request(`/api/v1/consultations/${consultation.id}`, { token: patient.token })).json()) as { callEndedAt: string | null };
    assert.equal((await read()).callEndedAt, null);
    assert.equal((await video(patient.token)).status, 200);
    assert.equal((await video(doctor.token)).status, 200);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/video/end`, { method: 'POST', token: doctor.token })).status, 204);
    const ended = await read();
    assert.equal(typeof ended.callEndedAt, 'string');
    assert.ok(!Number.isNaN(Date.parse(ended.callEndedAt!)));
    // The doctor's list shows it too, and the patient is told live (a notification the cards reload on).
    const list = (await (await server.request('/api/v1/consultations', { token: doctor.token })).json()) as { items: { id: string; callEndedAt: string | null }[] };
    assert.equal(list.items.find((item) => item.id === consultation.id)?.callEndedAt, ended.callEndedAt);
    const notifications = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { kind: string; data: { consultationId?: string } }[] };
    assert.ok(notifications.items.some((item) => item.kind === 'call_ended' && item.data.consultationId === consultation.id));

    const refused = await video(patient.token);
    assert.equal(refused.status, 409);
    assert.equal((await errorOf(refused)).code, 'call_ended');
    assert.equal(ERROR_STATUS.call_ended, 409);
    assert.equal((await read()).callEndedAt, ended.callEndedAt);

    // A dropped call: the doctor reopens it, and the patient may join again.
    assert.equal((await video(doctor.token)).status, 200);
    assert.equal((await read()).callEndedAt, null);
    assert.equal((await video(patient.token)).status, 200);
  });

  it('measures the connection: downstream bytes and upstream body, signed in only', async () => {
    const { patient } = await registerPatient(server).then((p) => ({ patient: p }));
    const down = await server.request('/api/v1/video/speedtest?bytes=50000', { token: patient.token });
    assert.equal(down.status, 200);
    assert.equal((await down.arrayBuffer()).byteLength, 50000);
    assert.equal(down.headers.get('Cache-Control'), 'no-store');
    const up = await server.request('/api/v1/video/speedtest', { method: 'POST', token: patient.token, body: new Uint8Array(300_000), headers: { 'Content-Type': 'application/octet-stream' } });
    assert.equal(((await up.json()) as { receivedBytes: number }).receivedBytes, 300_000);
    assert.equal((await server.request('/api/v1/video/speedtest')).status, 401);
    const tooBig = await server.request('/api/v1/video/speedtest', { method: 'POST', token: patient.token, body: new Uint8Array(5 * 1024 * 1024), headers: { 'Content-Type': 'application/octet-stream' } });
    assert.equal(tooBig.status, 413);
  });
});

describe('embedded signaling over WebSocket', () => {
  let server: TestServer;
  let http: ServerType;
  let origin: string;
  before(async () => {
    server = await startTestServer();
    let port: number;
    ({ http, port } = await listenOnNode(server));
    origin = `ws://127.0.0.1:${port}`;
  });
  after(async () => {
    http.close();
    await server.close();
  });

  /** Joins through the API and opens the room's socket, collecting what the server says. */
  async function connect(token: string, consultationId: string) {
    const join = (await (await server.request(`/api/v1/consultations/${consultationId}/video`, { method: 'POST', token })).json()) as { url: string };
    const url = join.url.replace(/^ws:\/\/localhost/, origin);
    return open(url);
  }

  const open = openSignalSocket;

  it('closes a socket that sends a frame far beyond any signaling message, before buffering it', async () => {
    const { patient, consultation } = await consultationIn(server, 5);
    const p = await connect(patient.token, consultation.id);
    await p.next('welcome');
    p.socket.send('x'.repeat(1024 * 1024));
    assert.equal(await p.closed, 1009, 'message too big');
  });

  it('pairs the patient and the doctor and relays offer, answer and ICE between them', async () => {
    const { patient, doctor, consultation } = await consultationIn(server, 5);
    const p = await connect(patient.token, consultation.id);
    assert.deepEqual(await p.next('welcome'), { type: 'welcome', role: 'patient', peer: null });
    const d = await connect(doctor.token, consultation.id);
    assert.deepEqual(await d.next('welcome'), { type: 'welcome', role: 'doctor', peer: 'patient' });
    assert.deepEqual(await p.next('peer-joined'), { type: 'peer-joined', role: 'doctor' });

    d.socket.send(JSON.stringify({ type: 'offer', sdp: 'v=0 offer' }));
    assert.deepEqual(await p.next('offer'), { type: 'offer', sdp: 'v=0 offer' });
    p.socket.send(JSON.stringify({ type: 'answer', sdp: 'v=0 answer' }));
    assert.deepEqual(await d.next('answer'), { type: 'answer', sdp: 'v=0 answer' });
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    p.socket.send(JSON.stringify({ type: 'ice', candidate }));
    assert.deepEqual(await d.next('ice'), { type: 'ice', candidate });
    p.socket.send('not json');
    assert.equal((await p.next('error')).code, 'invalid_message');

    p.socket.send(JSON.stringify({ type: 'leave' }));
    assert.deepEqual(await d.next('peer-left'), { type: 'peer-left', role: 'patient' });

    // The doctor ends the consultation: everyone in the room is told and disconnected.
    const p2 = await connect(patient.token, consultation.id);
    await p2.next('welcome');
    const ended = await server.request(`/api/v1/consultations/${consultation.id}/video/end`, { method: 'POST', token: doctor.token });
    assert.equal(ended.status, 204);
    await p2.next('ended');
    assert.equal(await p2.closed, 4100);
    assert.equal(await d.closed, 4100);
    p.socket.close();
  });

  it('does not use a ticket up on a plain GET of the room address (a link preview, a proxy probe)', async () => {
    const { patient, consultation } = await consultationIn(server, 5);
    const join = (await (await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token })).json()) as { url: string };
    const url = join.url.replace(/^ws:\/\/localhost/, origin);
    const plain = await fetch(url.replace(/^ws:/, 'http:'));
    assert.notEqual(plain.status, 101);
    const socket = open(url);
    assert.deepEqual(await socket.next('welcome'), { type: 'welcome', role: 'patient', peer: null });
    socket.socket.close();
  });

  it('opens nothing with a ticket whose session ended before it was used', async () => {
    const { patient, consultation } = await consultationIn(server, 5);
    const join = (await (await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token })).json()) as { url: string };
    assert.equal((await server.request('/api/v1/auth/logout', { method: 'POST', token: patient.token })).status, 204);
    const late = open(join.url.replace(/^ws:\/\/localhost/, origin));
    const stillOpen = new Promise<string>((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000).unref());
    assert.equal(await Promise.race([late.closed, stillOpen]), 4401);
    late.socket.close();
  });

  /** The close code of a socket, or a note that it stayed open (a test must never hang on it). */
  const closedWithin = (socket: ReturnType<typeof open>, ms = 5000) =>
    Promise.race([socket.closed, new Promise<string>((resolve) => setTimeout(() => resolve(`still open after ${ms} ms`), ms).unref())]);

  it('closes an open socket the moment its session ends, and only that one', async () => {
    const { patient, doctor, consultation } = await consultationIn(server, 5);
    const p = await connect(patient.token, consultation.id);
    await p.next('welcome');
    const d = await connect(doctor.token, consultation.id);
    await d.next('welcome');
    assert.equal((await server.request('/api/v1/auth/logout', { method: 'POST', token: patient.token })).status, 204);
    assert.equal(await closedWithin(p), 4401);
    assert.deepEqual(await d.next('peer-left'), { type: 'peer-left', role: 'patient' });
    assert.equal(d.socket.readyState, d.socket.OPEN, 'the doctor, still signed in, stays in the room');
    d.socket.close();
  });

  it('closes both sockets when the doctor concludes the consultation in the middle of the call', async () => {
    const { patient, doctor, consultation } = await consultationIn(server, 5);
    const p = await connect(patient.token, consultation.id);
    await p.next('welcome');
    const d = await connect(doctor.token, consultation.id);
    await d.next('welcome');
    const concluded = await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, {
      token: doctor.token,
      json: { text: 'Показано плановое лечение.', outcome: 'conclusion' },
    });
    assert.equal(concluded.status, 201);
    await p.next('ended');
    assert.equal(await closedWithin(p), 4100);
    assert.equal(await closedWithin(d), 4100);
    const again = await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
    assert.equal((await errorOf(again)).code, 'room_closed');
  });

  it('refuses a used or forged ticket and a ticket of another room', async () => {
    const { patient, consultation } = await consultationIn(server, 5);
    const first = await connect(patient.token, consultation.id);
    await first.next('welcome');
    const replay = open(first.url);
    assert.equal(await replay.closed, 4401);
    const forged = open(`${origin}/api/v1/video/rooms/${consultation.id}?ticket=forged-ticket-forged-ticket`);
    assert.equal(await forged.closed, 4401);
    const other = await consultationIn(server, 5);
    const join = (await (await server.request(`/api/v1/consultations/${other.consultation.id}/video`, { method: 'POST', token: other.patient.token })).json()) as { url: string };
    const wrongRoom = open(join.url.replace(/^ws:\/\/localhost/, origin).replace(other.consultation.id, consultation.id));
    assert.equal(await wrongRoom.closed, 4401);
    first.socket.close();
  });

  it('lets a participant rejoin (the old socket is replaced) and the doctor only may end', async () => {
    const { patient, consultation } = await consultationIn(server, 5);
    const first = await connect(patient.token, consultation.id);
    await first.next('welcome');
    const second = await connect(patient.token, consultation.id);
    await second.next('welcome');
    assert.equal(await first.closed, 4001);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/video/end`, { method: 'POST', token: patient.token })).status, 403);
    second.socket.close();
  });
});

describe('signaling hub', () => {
  it('refuses a third participant', async () => {
    const hub = new SignalingHub(memoryCoordination().signaling);
    const closes: number[] = [];
    const socket = () => ({ send: () => undefined, close: (code: number) => closes.push(code) });
    const ticket = async (userId: string, role: 'patient' | 'doctor') => (await hub.redeemTicket(await hub.issueTicket('c1', userId, role, `token-of-${userId}`), 'c1'))!;
    assert.equal(await hub.join(await ticket('patient-1', 'patient'), socket()).joined, true);
    assert.equal(await hub.join(await ticket('doctor-1', 'doctor'), socket()).joined, true);
    assert.equal(await hub.join(await ticket('someone-else', 'patient'), socket()).joined, false);
    assert.deepEqual(closes, [4009]);
    assert.deepEqual(await hub.roles('c1'), ['patient', 'doctor']);
  });

  it('lets a ticket expire after a minute', async () => {
    let now = 0;
    const hub = new SignalingHub(memoryCoordination().signaling, () => now);
    const ticket = await hub.issueTicket('c1', 'u', 'patient', 'token-of-u');
    now = 61_000;
    assert.equal(await hub.redeemTicket(ticket, 'c1'), undefined);
  });
});

describe('OpenVidu provider (against a fake of its REST API)', () => {
  it('creates one session per consultation and a PUBLISHER connection per participant, with our ICE servers', async () => {
    const openvidu = await startFakeOpenVidu('MY_SECRET');
    const server = await startTestServer({ OPENVIDU_URL: openvidu.url, OPENVIDU_SECRET: 'MY_SECRET', OZ_ICE_SERVERS: '[{"urls":["turn:turn.example.ru:3478"],"username":"oz","credential":"pw"}]' });
    try {
      const { patient, doctor, consultation } = await consultationIn(server, 5);
      const patientJoin = await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
      assert.equal(patientJoin.status, 200);
      const body = (await patientJoin.json()) as { provider: string; token: string; role: string };
      assert.equal(body.provider, 'openvidu');
      assert.match(body.token, new RegExp(`sessionId=oz-${consultation.id}&token=tok_con_`));
      // The second participant hits 409 on session creation; the client fetches the session instead.
      const doctorJoin = await server.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: doctor.token });
      assert.equal(doctorJoin.status, 200);
      assert.ok(openvidu.requests.some((line) => line.startsWith(`GET /openvidu/api/sessions/oz-${consultation.id}`)));
      const connections = openvidu.sessions.get(`oz-${consultation.id}`)!.connections;
      assert.deepEqual(connections.map((c) => [c.role, JSON.parse(c.serverData).role]), [['PUBLISHER', 'patient'], ['PUBLISHER', 'doctor']]);
      assert.deepEqual(connections[0]!.customIceServers, [{ url: 'turn:turn.example.ru:3478', username: 'oz', credential: 'pw' }]);

      const ended = await server.request(`/api/v1/consultations/${consultation.id}/video/end`, { method: 'POST', token: doctor.token });
      assert.equal(ended.status, 204);
      assert.equal(openvidu.sessions.has(`oz-${consultation.id}`), false);
    } finally {
      await server.close();
      await openvidu.close();
    }
  });

  it('turns a wrong secret and an unreachable server into 502 video_unavailable', async () => {
    const openvidu = await startFakeOpenVidu('RIGHT');
    const wrong = await startTestServer({ OPENVIDU_URL: openvidu.url, OPENVIDU_SECRET: 'WRONG' });
    try {
      const { patient, consultation } = await consultationIn(wrong, 5);
      const response = await wrong.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
      assert.equal(response.status, 502);
      const error = await errorOf(response);
      assert.equal(error.code, 'video_unavailable');
      assert.match(error.message, /OPENVIDU_SECRET/);
    } finally {
      await wrong.close();
      await openvidu.close();
    }
    const down = await startTestServer({ OPENVIDU_URL: 'http://127.0.0.1:9', OPENVIDU_SECRET: 'x' });
    try {
      const { patient, consultation } = await consultationIn(down, 5);
      const response = await down.request(`/api/v1/consultations/${consultation.id}/video`, { method: 'POST', token: patient.token });
      // video_unavailable is always 502 (ERROR_STATUS): the upstream failed, refused or unreachable.
      assert.equal(response.status, 502);
      assert.equal((await errorOf(response)).code, 'video_unavailable');
    } finally {
      await down.close();
    }
  });
});

describe('joining while the consultation is cancelled', () => {
  it('does not turn a consultation cancelled during a slow video-server call back into a running one', async () => {
    const server = await startTestServer();
    try {
      const { patient, consultation } = await consultationIn(server, 5);
      let answer: () => void = () => undefined;
      // A video server that answers when the test says so, as OpenVidu answers over the network.
      const slowProvider: VideoProvider = {
        name: 'openvidu',
        join: () => new Promise((resolve) => (answer = () => resolve({ provider: 'openvidu', token: 'wss://video.example.ru?sessionId=x&token=y', role: 'patient', iceServers: [] }))),
        end: async () => undefined,
      };
      const video = new VideoService(server.services.store, slowProvider, []);
      const user = (await server.services.store.users.findById(patient.user.id))!;
      const joining = video.join(user, 'token-of-the-patient', consultation.id, 'http://localhost');
      await new Promise((resolve) => setImmediate(resolve));
      const cancel = await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: patient.token });
      assert.equal(cancel.status, 200);
      answer();
      // A service throws a domain error with no status; its code is sent as 409 (ERROR_STATUS).
      await assert.rejects(joining, (error: unknown) => error instanceof DomainError && error.code === 'room_closed');
      assert.equal(ERROR_STATUS.room_closed, 409);
      const after = await server.services.store.consultations.findById(consultation.id);
      assert.equal(after?.status, 'cancelled');
    } finally {
      await server.close();
    }
  });
});
