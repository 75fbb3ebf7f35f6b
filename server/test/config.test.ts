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

  it('keeps files on disk unless OZ_S3_BUCKET is set', () => {
    assert.equal(loadConfig({}).s3, null);
  });

  it('reads the S3 variables', () => {
    const config = loadConfig({
      OZ_S3_ENDPOINT: 'https://storage.example.ru',
      OZ_S3_BUCKET: 'oz-files',
      OZ_S3_REGION: 'ru-central1',
      OZ_S3_ACCESS_KEY_ID: 'id',
      OZ_S3_SECRET_ACCESS_KEY: 'secret',
      OZ_S3_FORCE_PATH_STYLE: 'true',
      OZ_S3_PREFIX: 'oz/files/',
    });
    assert.deepEqual(config.s3, {
      endpoint: 'https://storage.example.ru',
      bucket: 'oz-files',
      region: 'ru-central1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      prefix: 'oz/files/',
    });
  });

  it('takes AWS, us-east-1, virtual-host addressing, no prefix and the default credential chain when only OZ_S3_BUCKET is set', () => {
    assert.deepEqual(loadConfig({ OZ_S3_BUCKET: 'oz-files' }).s3, {
      endpoint: undefined,
      bucket: 'oz-files',
      region: 'us-east-1',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: false,
      prefix: '',
    });
  });

  it('stops on a half S3 configuration, naming the missing variable', () => {
    assert.throws(() => loadConfig({ OZ_S3_ENDPOINT: 'http://127.0.0.1:9000', OZ_S3_FORCE_PATH_STYLE: 'true' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /OZ_S3_BUCKET: set it/);
      return true;
    });
    assert.throws(() => loadConfig({ OZ_S3_BUCKET: 'oz-files', OZ_S3_ACCESS_KEY_ID: 'id' }), /OZ_S3_SECRET_ACCESS_KEY: set both/);
    assert.throws(() => loadConfig({ OZ_S3_BUCKET: 'oz-files', OZ_S3_SECRET_ACCESS_KEY: 'secret' }), /OZ_S3_ACCESS_KEY_ID: set both/);
  });

  it('never repeats the S3 secret in its messages', () => {
    assert.throws(() => loadConfig({ OZ_S3_SECRET_ACCESS_KEY: 'very-secret-value' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.ok(!error.message.includes('very-secret-value'));
      return true;
    });
  });

  it('checks the S3 values: an endpoint URL, a bucket name, true or false', () => {
    assert.throws(
      () => loadConfig({ OZ_S3_BUCKET: 'Oz_Files', OZ_S3_ENDPOINT: 'storage.example.ru', OZ_S3_FORCE_PATH_STYLE: 'yes' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        for (const name of ['OZ_S3_BUCKET', 'OZ_S3_ENDPOINT', 'OZ_S3_FORCE_PATH_STYLE']) assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });
});
