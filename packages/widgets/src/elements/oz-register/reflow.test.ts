// Issue 11, reflow: the sign-in, registration and signed-in views at 320 px and at a 360-px
// phone's 200 % zoom (180 CSS px), with nothing scrolled sideways, cut or broken mid-word.
import { fixture, html } from '../../../test/testing.ts';
import { registerPatient } from '../../../test/api.ts';
import { fill, shadow } from '../../../test/dom.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, signInPage, useTestApi } from '../../../test/session.ts';
import '../../index.ts';
import type { OzRegister } from './oz-register.ts';

describe('<oz-register> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  for (const width of REFLOW_WIDTHS) {
    it(`fits the sign-in form at ${width} px`, async () => {
      const el = await fixture<OzRegister>(html`<div><oz-register></oz-register></div>`).then((d) => d.firstElementChild as OzRegister);
      await el.updateComplete; // the first render waits for the forms' chunk (SignedOutPart)
      fill(el, { phone: '+7 900 123-45-67', password: 'Kukushka-2026' });
      await expectReflows(el, { width });
    });

    it(`fits the registration form with a long name and a birth date at ${width} px`, async () => {
      const el = await fixture<OzRegister>(html`<div><oz-register mode="register"></oz-register></div>`).then((d) => d.firstElementChild as OzRegister);
      await el.updateComplete;
      // Whichever fields this step of the registration shows, typed in as a person would.
      const values: Record<string, string> = { fullName: 'Смирнова Мария Петровна', phone: '+7 900 123-45-67', email: 'smirnova.maria@example.ru' };
      for (const input of shadow(el).querySelectorAll<HTMLInputElement>('input[name]')) {
        if (input.name === 'birthDate') fill(el, { birthDate: input.type === 'date' ? '1948-03-08' : '08.03.1948' });
        else if (values[input.name]) fill(el, { [input.name]: values[input.name]! });
      }
      await expectReflows(el, { width });
    });

    it(`fits the signed-in view at ${width} px`, async () => {
      const { auth } = await registerPatient({ fullName: 'Константинопольская Александра Владимировна' });
      signInPage(auth);
      const el = await fixture<OzRegister>(html`<div><oz-register></oz-register></div>`).then((d) => d.firstElementChild as OzRegister);
      await el.updateComplete;
      await expectReflows(el, { width });
    });
  }
});
