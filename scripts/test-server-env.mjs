/**
 * The environment for a server a test starts: the shell's, minus anything that configures the
 * server (OZ_*, OPENVIDU_*, DATABASE_URL, PORT, HOST), plus what the test sets. A developer's
 * OPENVIDU_URL or OZ_PROGRAM_END must not change what the tests see.
 */
export function testServerEnv(settings) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(OZ_|OPENVIDU_)/.test(name) || ['DATABASE_URL', 'PORT', 'HOST'].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, ...settings };
}

/** Loopback requests never go through a proxy the machine has configured (axios honours HTTP_PROXY). */
export function withoutLoopbackProxy(env) {
  const noProxy = [env.NO_PROXY ?? env.no_proxy, '127.0.0.1', 'localhost', '::1'].filter(Boolean).join(',');
  return { ...env, NO_PROXY: noProxy, no_proxy: noProxy };
}
