import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dropHeaderBeforeAnswer, setHeaderBeforeAnswer } from '../src/http/headers-before-answer.ts';

/** One answer from a real Node server whose handler first sets headers ahead, then answers with `answer`. */
async function answerOf(answer: (response: ServerResponse) => void): Promise<{ raw: string[]; status: number; message: string }> {
  const server = createServer((_request, response) => {
    setHeaderBeforeAnswer(response, 'X-Frame-Options', 'SAMEORIGIN');
    setHeaderBeforeAnswer(response, 'Cache-Control', 'no-store');
    setHeaderBeforeAnswer(response, 'X-Request-Id', 'first');
    setHeaderBeforeAnswer(response, 'x-request-id', 'second'); // a later call replaces, whatever the case
    answer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const { request } = await import('node:http');
    return await new Promise((resolve, reject) => {
      request({ port, host: '127.0.0.1' }, (response) => {
        response.resume();
        const raw: string[] = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) raw.push(`${response.rawHeaders[index]}: ${response.rawHeaders[index + 1]}`);
        resolve({ raw: raw.filter((line) => !/^(Date|Connection|Keep-Alive|Transfer-Encoding|Content-Length):/i.test(line)), status: response.statusCode!, message: response.statusMessage! });
      })
        .on('error', reject)
        .end();
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('headers set before the answer', () => {
  it('go out with the answer\'s own, once each, the answer\'s winning whatever the case', async () => {
    const headers: OutgoingHttpHeaders = { 'cache-control': 'public, max-age=60', 'Content-Type': 'application/json', 'Content-Length': 2 };
    const { raw, status } = await answerOf((response) => response.writeHead(200, headers).end('{}'));
    assert.equal(status, 200);
    assert.deepEqual(raw, ['X-Frame-Options: SAMEORIGIN', 'X-Request-Id: second', 'cache-control: public, max-age=60', 'Content-Type: application/json']);
  });

  it('take the answer\'s headers in each of Node\'s shapes, with a status message, or none at all', async () => {
    const flat = await answerOf((response) => response.writeHead(201, ['Cache-Control', 'private', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2']).end());
    assert.deepEqual(flat.raw, ['X-Frame-Options: SAMEORIGIN', 'X-Request-Id: second', 'Cache-Control: private', 'Set-Cookie: a=1', 'Set-Cookie: b=2']);
    const pairs = await answerOf((response) => response.writeHead(202, 'Taken', [['X-Frame-Options', 'DENY']] as unknown as OutgoingHttpHeaders).end());
    assert.equal(pairs.message, 'Taken');
    assert.deepEqual(pairs.raw, ['Cache-Control: no-store', 'X-Request-Id: second', 'X-Frame-Options: DENY']);
    const implicit = await answerOf((response) => response.end('plain'));
    assert.deepEqual(implicit.raw, ['X-Frame-Options: SAMEORIGIN', 'Cache-Control: no-store', 'X-Request-Id: second']);
  });

  it('can be left out again, whatever the case, leaving the answer\'s own header of that name', async () => {
    const dropped = await answerOf((response) => {
      dropHeaderBeforeAnswer(response, 'x-frame-options');
      dropHeaderBeforeAnswer(response, 'X-Not-Set');
      response.end('plain');
    });
    assert.deepEqual(dropped.raw, ['Cache-Control: no-store', 'X-Request-Id: second']);
    const own = await answerOf((response) => {
      dropHeaderBeforeAnswer(response, 'Cache-Control');
      response.writeHead(200, { 'Cache-Control': 'private' }).end();
    });
    assert.deepEqual(own.raw, ['X-Frame-Options: SAMEORIGIN', 'X-Request-Id: second', 'Cache-Control: private']);
  });

  it('still give way to headers set the progressive way', async () => {
    const { raw } = await answerOf((response) => {
      response.setHeader('Cache-Control', 'max-age=5');
      response.writeHead(200, { 'Content-Length': 0 }).end();
    });
    assert.deepEqual(raw.sort(), ['Cache-Control: max-age=5', 'X-Frame-Options: SAMEORIGIN', 'X-Request-Id: second'].sort());
  });

  it('add the answer\'s own Vary to the pending one instead of giving way, each name once', async () => {
    const varyOf = async (own: string | string[]) => {
      const { raw } = await answerOf((response) => {
        setHeaderBeforeAnswer(response, 'Vary', 'Origin, Accept-Encoding');
        response.writeHead(200, { vary: own, 'Content-Length': 0 } as OutgoingHttpHeaders).end();
      });
      return raw.filter((line) => /^vary:/i.test(line));
    };
    assert.deepEqual(await varyOf('Cookie'), ['vary: Origin, Accept-Encoding, Cookie']);
    assert.deepEqual(await varyOf(['accept-encoding', 'Authorization']), ['vary: Origin, Accept-Encoding, Authorization']);
    assert.deepEqual(await varyOf('*'), ['vary: *']);
  });
});
