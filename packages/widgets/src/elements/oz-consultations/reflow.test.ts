// Issue 11, reflow: the consultations at 320 px and at a 360-px phone's 200 % zoom (180 CSS px):
// a waiting application, a consultation whose video room is open, a conclusion, a duty chat.
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { testApi } from '../../../test/api.ts';
import { dutyConsultation, postAs } from '../../../test/chat.ts';
import { concludeAsDoctor, patientWithApplication, scheduleAsDoctor } from '../../../test/consultations.ts';
import { query, shadow } from '../../../test/dom.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, useTestApi } from '../../../test/session.ts';
import { session } from '../../session/session.ts';
import '../../index.ts';
import type { OzConsultations } from './oz-consultations.ts';

async function render(): Promise<OzConsultations> {
  const wrapper = await fixture(html`<div><oz-consultations></oz-consultations></div>`);
  const el = wrapper.firstElementChild as OzConsultations;
  await waitUntil(() => shadow(el).querySelector('[part~="section"], .muted:not([aria-busy]), .sign-in-prompt'), 'nothing loaded', { timeout: 5000 });
  return el;
}

const press = async (el: OzConsultations, part: string) => {
  query<HTMLButtonElement>(el, `button[part~="${part}"]`).click();
  await el.updateComplete;
};

describe('<oz-consultations> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  it('fits the sign-in prompt at 320 and 180 px', async () => {
    const el = await render();
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits a waiting application at 320 and 180 px', async () => {
    const { auth } = await patientWithApplication();
    session.adopt(auth, testApi);
    const el = await render();
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits a consultation whose video room is open, with its join button, at 320 and 180 px', async () => {
    const { auth, application } = await patientWithApplication();
    await scheduleAsDoctor(application.id, new Date(Date.now() + (5 + Math.random() * 5) * 60_000).toISOString());
    session.adopt(auth, testApi);
    const el = await render();
    await waitUntil(() => shadow(el).querySelector('button[part~="join-button"]'), 'no join button');
    // The room itself is <oz-video-room>'s to fit (its own tests); here the card around its button.
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width, ignore: ['oz-video-room'] });
  });

  it('fits an open conclusion at 320 and 180 px', async () => {
    const { auth, application } = await patientWithApplication();
    const consultation = await scheduleAsDoctor(application.id);
    await concludeAsDoctor(consultation.id, {
      text: 'Показано хирургическое лечение.\nНужна очная консультация кардиохирурга.',
      recommendations: 'Приехать в центр с выписками и результатами эхокардиографии.',
      outcome: 'in_person',
    });
    session.adopt(auth, testApi);
    const el = await render();
    await press(el, 'conclusion-button');
    await waitUntil(() => shadow(el).querySelector('[part~="conclusion"]'), 'the conclusion did not load');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits a duty consultation with its chat open at 320 and 180 px', async () => {
    const { patient, doctor, consultation } = await dutyConsultation({ topic: 'Давление по утрам после физиотерапевтических процедур' });
    await postAs(doctor.token, consultation.id, 'Здравствуйте! Измеряйте давление утром и вечером, записывайте результаты.');
    session.adopt(patient, testApi);
    const el = await render();
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.chat-toggle button');
    if (!toggle) throw new Error('no chat toggle');
    toggle.click();
    await waitUntil(() => {
      const chat = shadow(el).querySelector('oz-chat');
      return chat?.shadowRoot?.querySelector('.message');
    }, 'the chat did not open');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });
});
