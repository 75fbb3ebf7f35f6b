import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8080);
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.rateLimitPerMinute, 10);
    assert.equal(config.maxUploadBytes, 20 * 1024 * 1024);
    assert.equal(config.openVidu, null);
    assert.match(config.dataDir, /\.data$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      OZ_ALLOWED_ORIGINS: 'https://a.example.ru, http://localhost:3000/',
      OZ_ICE_SERVERS: '[{"urls":"turn:turn.example.ru:3478","username":"u","credential":"c"}]',
      OPENVIDU_URL: 'https://video.example.ru',
      OPENVIDU_SECRET: 's',
      OZ_PROGRAM_START: '2020-11-01',
      OZ_PROGRAM_END: '2021-10-31',
      OZ_MAX_UPLOAD_MB: '5',
      OZ_RATE_LIMIT_PER_MINUTE: '0',
    });
    assert.equal(config.port, 9000);
    assert.deepEqual(config.allowedOrigins, ['https://a.example.ru', 'http://localhost:3000']);
    assert.equal(config.iceServers[0]?.username, 'u');
    assert.deepEqual(config.openVidu, { url: 'https://video.example.ru', secret: 's' });
    assert.deepEqual(config.programPeriod, { start: '2020-11-01', end: '2021-10-31' });
    assert.equal(config.maxUploadBytes, 5 * 1024 * 1024);
    assert.equal(config.rateLimitPerMinute, 0);
  });

  it('stops with a message naming each bad variable', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'eighty',
          OZ_ALLOWED_ORIGINS: 'https://ok.example.ru,portal.example.ru/page',
          OZ_ICE_SERVERS: 'stun:x',
          OZ_RATE_LIMIT_PER_MINUTE: '-1',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        for (const name of ['PORT', 'OZ_ALLOWED_ORIGINS', 'OZ_ICE_SERVERS', 'OZ_RATE_LIMIT_PER_MINUTE']) {
          assert.match(error.message, new RegExp(name));
        }
        return true;
      },
    );
  });

  it('wants both OpenVidu variables or neither, and a program period in order', () => {
    assert.throws(() => loadConfig({ OPENVIDU_URL: 'https://video.example.ru' }), /OPENVIDU_SECRET/);
    assert.throws(() => loadConfig({ OZ_PROGRAM_START: '2021-10-31', OZ_PROGRAM_END: '2020-11-01' }), /OZ_PROGRAM_START/);
    assert.throws(() => loadConfig({ OZ_PROGRAM_START: '1.11.2020' }), /YYYY-MM-DD/);
  });
});
