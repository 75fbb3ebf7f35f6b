// Issue 11, reflow: the chat at 320 px and at a 360-px phone's 200 % zoom (180 CSS px): messages
// of both sides, a long link, the composer with text typed.
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { testApi } from '../../../test/api.ts';
import { dutyConsultation, postAs } from '../../../test/chat.ts';
import { shadow } from '../../../test/dom.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, useTestApi } from '../../../test/session.ts';
import { session } from '../../session/session.ts';
import '../../index.ts';
import type { OzChat } from './oz-chat.ts';

async function render(consultationId: string): Promise<OzChat> {
  const wrapper = await fixture(html`<div><oz-chat consultation=${consultationId}></oz-chat></div>`);
  return wrapper.firstElementChild as OzChat;
}

describe('<oz-chat> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  it('fits the sign-in prompt at 320 and 180 px', async () => {
    const el = await render('anything');
    await el.updateComplete;
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits a conversation and the composer at 320 and 180 px', async () => {
    const { patient, doctor, consultation } = await dutyConsultation({ fullName: 'Константинопольская Александра Владимировна' });
    await postAs(patient.token, consultation.id, 'Здравствуйте! Давление по утрам 150 на 90, к вечеру снижается.');
    await postAs(doctor.token, consultation.id, 'Посмотрите памятку: https://oblako-zdorovya.example.ru/pamyatki/arterialnoe-davlenie-izmerenie');
    session.adopt(patient, testApi);
    const el = await render(consultation.id);
    await waitUntil(() => shadow(el).querySelectorAll('.message').length === 2, 'the messages did not load', { timeout: 5000 });
    const box = shadow(el).querySelector('textarea')!;
    box.value = 'Спасибо, доктор! Записываю результаты каждый день.';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });
});
