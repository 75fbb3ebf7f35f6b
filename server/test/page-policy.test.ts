import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectSourcesOf, inlineBlocks, pagePolicy, sha256Source } from '../src/http/page-policy.ts';

describe('the policy of a served page', () => {
  it('allows each inline block by the hash of the text a browser hashes, and nothing inline else', () => {
    const html = [
      '<!doctype html><html><head><style>\r\n  body { color: #222 }\r\n</style>',
      '<!-- the snippet to copy: <script>alert(1)</script> -->',
      '<script type="module" src="/widgets/oz.js"></script>',
      '</head><body><script>\r\n  console.log("host page");\r\n</script></body></html>',
    ].join('\n');
    assert.deepEqual(inlineBlocks(html), { scripts: ['\n  console.log("host page");\n'], styles: ['\n  body { color: #222 }\n'] });
    const policy = pagePolicy(html);
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!;
    assert.equal(scriptSrc, `'self' ${sha256Source('\n  console.log("host page");\n')}`);
    assert.match(policy, new RegExp(`style-src 'self' ${sha256Source('\n  body { color: #222 }\n').replace(/[+/]/g, '\\$&')}`));
    assert.doesNotMatch(policy, /unsafe/);
    assert.match(policy, /object-src 'none'; base-uri 'none'/);
  });

  it('lets the page reach an OpenVidu server over HTTPS and its WebSocket', () => {
    assert.deepEqual(connectSourcesOf('https://video.example.ru:4443/'), ['https://video.example.ru:4443', 'wss://video.example.ru:4443']);
    assert.deepEqual(connectSourcesOf(undefined), []);
    assert.match(pagePolicy('', connectSourcesOf('https://video.example.ru')), /connect-src 'self' https:\/\/video\.example\.ru wss:\/\/video\.example\.ru;/);
  });
});
