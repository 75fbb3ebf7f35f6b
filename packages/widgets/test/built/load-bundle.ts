import { testApi } from '../api.ts';

/** The built loader (`npm run build`) at its plain address. */
export const BUNDLE = '/dist/widgets/oz.js';

/** Adds the script tag a host page pastes (`src`, its API in `data-api`) and waits until it ran. */
export async function loadBundle(src = BUNDLE): Promise<void> {
  const response = await fetch(src, { method: 'HEAD' });
  if (!response.ok) throw new Error(`${src} is missing: run \`npm run build\` before the element tests`);
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  script.dataset.api = testApi;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} failed to load`));
  });
  document.head.append(script);
  await loaded;
}
