export function testServerEnv(settings: Record<string, string>): Record<string, string | undefined>;
export function withoutLoopbackProxy<T extends Record<string, string | undefined>>(env: T): T & { NO_PROXY: string; no_proxy: string };
