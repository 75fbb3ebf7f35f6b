import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SignalSocket } from '../src/ports/signaling.ts';
import type { SqlPool } from '../src/adapters/store/postgres/sql.ts';
import { migrate } from '../src/adapters/store/postgres/migrate.ts';
import { coordinationPool } from '../src/adapters/coordination/postgres/pool.ts';
import { postgresCoordination, type Coordination } from '../src/adapters/coordination/open-coordination.ts';
import { SignalingHub } from '../src/adapters/video/signaling-hub.ts';
import { freshDatabaseUrl, reachableServer } from './store/test-databases.ts';

const noServer = !(await reachableServer());
const skip = noServer ? 'no PostgreSQL server answers (set OZ_TEST_DATABASE_URL): the shared rooms need LISTEN/NOTIFY of a real server' : false;

/** Fast heartbeats, so a stopped instance's seats expire within a test. */
const TIMING = { heartbeatMs: 100, expiryMs: 1000 };

/** A socket that records what the hub says to it. */
function fakeSocket() {
  const received: Record<string, unknown>[] = [];
  const closes: number[] = [];
  const socket: SignalSocket = {
    send: (text) => received.push(JSON.parse(text) as Record<string, unknown>),
    close: (code) => closes.push(code),
  };
  const waitFor = async (what: () => boolean, label: string, timeoutMs = 5000) => {
    for (let waited = 0; !what(); waited += 20) {
      if (waited > timeoutMs) throw new Error(`no ${label}; got ${JSON.stringify({ received, closes })}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    socket,
    received,
    closes,
    next: async (type: string) => {
      await waitFor(() => received.some((message) => message.type === type), type);
      return received.splice(received.findIndex((message) => message.type === type), 1)[0]!;
    },
    closed: async () => {
      await waitFor(() => closes.length > 0, 'close');
      return closes[0];
    },
  };
}

describe('signaling rooms shared by instances (PostgreSQL)', { skip }, () => {
  let database: { url: string; drop(): Promise<void> };
  let setup: SqlPool;
  const opened: { coordination: Coordination; hub: SignalingHub }[] = [];
  before(async () => {
    database = (await freshDatabaseUrl())!;
    setup = coordinationPool(database.url, 2);
    await migrate(setup);
  });
  after(async () => {
    for (const { hub, coordination } of opened) {
      await hub.close().catch(() => undefined);
      await coordination.close().catch(() => undefined);
    }
    await setup?.end();
    await database?.drop();
  });

  function instance() {
    const coordination = postgresCoordination(database.url, 3, TIMING);
    const created = { coordination, hub: new SignalingHub(coordination.signaling) };
    opened.push(created);
    return created;
  }

  async function join(hub: SignalingHub, consultationId: string, userId: string, role: 'patient' | 'doctor') {
    const ticket = (await hub.redeemTicket(await hub.issueTicket(consultationId, userId, role, `token-of-${userId}`), consultationId))!;
    const socket = fakeSocket();
    const connection = hub.join(ticket, socket.socket);
    return { ...socket, connection, joined: await connection.joined };
  }

  it('seats two participants on two instances and refuses a third', async () => {
    const a = instance();
    const b = instance();
    const patient = await join(a.hub, 'room-full', 'p1', 'patient');
    const doctor = await join(b.hub, 'room-full', 'd1', 'doctor');
    const third = await join(a.hub, 'room-full', 'x1', 'patient');
    assert.deepEqual([patient.joined, doctor.joined, third.joined], [true, true, false]);
    assert.deepEqual(third.closes, [4009]);
    assert.deepEqual(await b.hub.roles('room-full'), ['patient', 'doctor']);
    assert.deepEqual(await patient.next('peer-joined'), { type: 'peer-joined', role: 'doctor' });
  });

  it('never seats three when three join at the same moment on different instances', async () => {
    const hubs = [instance().hub, instance().hub, instance().hub];
    const joins = await Promise.all(hubs.map((hub, i) => join(hub, 'race', `user-${i}`, i === 0 ? 'doctor' : 'patient')));
    assert.equal(joins.filter((joined) => joined.joined).length, 2);
    assert.equal((await hubs[0]!.roles('race')).length, 2);
  });

  it('frees the seat of an instance that stopped, and tells the peer', async () => {
    const dying = instance();
    const alive = instance();
    const patient = await join(dying.hub, 'dead-instance', 'p2', 'patient');
    const doctor = await join(alive.hub, 'dead-instance', 'd2', 'doctor');
    assert.ok(patient.joined && doctor.joined);
    // The instance stops without a word: no heartbeat, no LISTEN, its sockets never close.
    await dying.coordination.signaling.directory.close();
    await dying.coordination.close();
    opened.splice(opened.indexOf(dying), 1);
    assert.deepEqual(await doctor.next('peer-left'), { type: 'peer-left', role: 'patient' });
    assert.deepEqual(await alive.hub.roles('dead-instance'), ['doctor']);
  });

  it('closes a socket whose seat was freed while its instance was cut off, so it joins again', async () => {
    const a = instance();
    const patient = await join(a.hub, 'lost-seat', 'p3', 'patient');
    assert.ok(patient.joined);
    await setup.query("DELETE FROM oz_signaling_seats WHERE consultation_id = 'lost-seat'");
    assert.equal(await patient.closed(), 1012);
  });

  it('frees the seats of its sockets when an instance shuts down, and the peer hears it at once', async () => {
    const leaving = instance();
    const staying = instance();
    const patient = await join(leaving.hub, 'shutdown', 'p4', 'patient');
    const doctor = await join(staying.hub, 'shutdown', 'd4', 'doctor');
    assert.ok(patient.joined && doctor.joined);
    await leaving.hub.close();
    assert.deepEqual(patient.closes, [1001]);
    assert.deepEqual(await doctor.next('peer-left'), { type: 'peer-left', role: 'patient' });
  });
});
