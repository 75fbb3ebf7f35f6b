// Issue 11, point 9: on a slow link every element says what it is loading from its first paint,
// never an empty box under the host page's heading. Every request is held back until the check.
import { expect, fixture, html, waitUntil } from '../../test/testing.ts';
import { BAKULEV_DOCTOR } from '../../test/consultations.ts';
import { newPatientAuth, signInViaApi } from '../../test/api.ts';
import { signInPage, useTestApi } from '../../test/session.ts';
import { ELEMENT_LOADERS } from '../element-loaders.ts';
import { session } from '../session/session.ts';
import type { AuthResponse } from '@oz/contracts';

const LOADING = /Загружаем|Загрузка/;

/** Holds every fetch until `release()`: the slowest link there is. */
function holdRequests() {
  const original = window.fetch;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async (input, init) => {
    await released;
    return original(input, init);
  };
  return {
    release() {
      release();
      window.fetch = original;
    },
  };
}

/** The element's visible words in its first paint, its heading first when it has one. */
function firstPaintText(element: Element): string {
  const heading = element.shadowRoot?.querySelector('h1, h2, h3')?.textContent?.trim();
  const words = (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return heading ? `# ${heading} | ${words}` : words;
}

/** Issue 12, point 4: the element's heading and a loading line, before any data has arrived. */
const HEADING_AND_LOADING = /^# \S.*\|.*(Загружаем|Загрузка|Проверяем вход)/;

async function firstPaint(tag: string, auth: AuthResponse | null, attributes: Record<string, string> = {}): Promise<string> {
  await useTestApi();
  if (auth) signInPage(auth);
  await session.ready;
  await ELEMENT_LOADERS[tag]!();
  const held = holdRequests();
  try {
    const created = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    const element = await fixture(html`<div>${created}</div>`).then((wrapper) => wrapper.firstElementChild!);
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    return firstPaintText(element);
  } finally {
    held.release();
  }
}

describe('first paint on a slow link', () => {
  let patient: AuthResponse;
  let doctor: AuthResponse;
  before(async () => {
    patient = await newPatientAuth();
    doctor = await signInViaApi(BAKULEV_DOCTOR);
  });

  for (const tag of ['oz-documents', 'oz-apply', 'oz-consultations']) {
    it(`<${tag}> of a signed-in resident says it is loading`, async () => {
      expect(await firstPaint(tag, patient)).to.match(HEADING_AND_LOADING);
    });
  }

  it('<oz-duty-schedule> of one center says it is loading the free time', async () => {
    expect(await firstPaint('oz-duty-schedule', patient, { center: 'kulakov' })).to.match(HEADING_AND_LOADING);
  });

  it('<oz-doctor-desk> of a signed-in doctor says it is loading', async () => {
    expect(await firstPaint('oz-doctor-desk', doctor)).to.match(HEADING_AND_LOADING);
  });

  for (const tag of ['oz-register', 'oz-documents', 'oz-apply', 'oz-duty-schedule', 'oz-consultations', 'oz-doctor-desk', 'oz-referral-import', 'oz-audit-trail', 'oz-staff']) {
    it(`<${tag}> signed out is never empty`, async () => {
      const text = await firstPaint(tag, null);
      expect(text.length, `<${tag}> painted nothing`).to.be.greaterThan(10);
    });
  }

  // (<oz-duty-schedule> shows the centers to choose from while it waits: they need no session.)
  for (const tag of ['oz-register', 'oz-documents', 'oz-apply', 'oz-consultations', 'oz-doctor-desk', 'oz-referral-import', 'oz-audit-trail', 'oz-staff']) {
    it(`<${tag}> waits for a session being restored with its heading and a loading line, not a sign-in prompt`, async () => {
      await useTestApi();
      await ELEMENT_LOADERS[tag]!();
      const held = holdRequests();
      const restored = session.setToken(patient.token);
      try {
        const element = await fixture(html`<div>${document.createElement(tag)}</div>`).then((wrapper) => wrapper.firstElementChild!);
        await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(firstPaintText(element)).to.match(HEADING_AND_LOADING);
      } finally {
        held.release();
        await restored;
      }
    });
  }
});
