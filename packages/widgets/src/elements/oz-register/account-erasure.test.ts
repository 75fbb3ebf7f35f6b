// «Удалить аккаунт» in <oz-register>: the explanation before the password, a wrong password on its
// field with nothing deleted, and on success the session gone here and at the API, and a notice.
import { setViewport } from '@web/test-runner-commands';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { callApi, registerPatient, testApi } from '../../../test/api.ts';
import { buttonPart, field, fieldErrorText, fill, query, text } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { tokenStorageKey } from '../../session/token-storage.ts';
import type { OzRegister } from './oz-register.ts';

const dialogOf = (el: OzRegister) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="erase-dialog"]');
const focused = (el: OzRegister) => el.shadowRoot!.activeElement as HTMLElement | null;

/** A signed-in patient's <oz-register>, optionally in a box as wide as a phone. */
async function signedInPatient(width?: number, lang: 'ru' | 'en' = 'ru') {
  const { auth, patient } = await registerPatient({ fullName: 'Удалёнова Вера Павловна' });
  session.adopt(auth, testApi);
  const box = await fixture(html`<div style=${width ? `width: ${width}px` : ''}><oz-register lang=${lang}></oz-register></div>`);
  const el = box.querySelector('oz-register') as OzRegister;
  await el.updateComplete;
  return { el, auth, password: patient.password };
}

/** Presses «Удалить аккаунт» and waits for the modal explanation. */
async function openErasure(el: OzRegister) {
  buttonPart(el, 'delete-account-button').click();
  await waitUntil(() => dialogOf(el)?.open, 'the explanation did not open');
  await el.updateComplete;
  return dialogOf(el)!;
}

describe('<oz-register> «Удалить аккаунт»', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));
  beforeEach(forgetSession);

  it('explains what goes and what stays before asking for the password; Escape keeps the account', async () => {
    const { el, auth } = await signedInPatient();
    const button = buttonPart(el, 'delete-account-button');
    expect(button.textContent!.trim()).to.equal(ru.register.deleteAccount);
    const dialog = await openErasure(el);
    const words = (dialog.textContent ?? '').replace(/\s+/g, ' ');
    for (const line of [ru.accountErasure.title, ...ru.accountErasure.deleted, ...ru.accountErasure.kept, ru.accountErasure.keptWhy]) {
      expect(words).to.contain(line);
    }
    // The explanation is read first: focus starts on the heading, above the password.
    expect(focused(el)?.id).to.equal('erase-title');
    expect(query(el, 'label[for="password-input"]').textContent).to.contain(ru.accountErasure.passwordLabel);
    await expect(el).to.be.accessible();

    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    dialog.close();
    await waitUntil(() => dialogOf(el) === null, 'the dialog did not close');
    expect(focused(el), 'focus back on the button').to.equal(buttonPart(el, 'delete-account-button'));
    expect((await callApi('GET', '/me', { token: auth.token })).status).to.equal(200);
  });

  it('puts a wrong password on its field and deletes nothing; the right one deletes, signs out and says so', async () => {
    const { el, auth, password } = await signedInPatient();
    await openErasure(el);
    buttonPart(el, 'erase-button').click();
    await waitUntil(() => fieldErrorText(el, 'password') !== undefined, 'an empty password was not named');
    expect(focused(el)).to.equal(field(el, 'password'));

    fill(el, { password: 'not my password' });
    buttonPart(el, 'erase-button').click();
    await waitUntil(() => fieldErrorText(el, 'password') === ru.accountErasure.wrongPassword, 'a wrong password was not named');
    expect(dialogOf(el)?.open).to.equal(true);
    expect(session.user?.id).to.equal(auth.user.id);
    expect((await callApi('GET', '/me', { token: auth.token })).status).to.equal(200);
    await expect(el).to.be.accessible();

    fill(el, { password });
    const signedOut = oneEvent(el, 'oz-signed-out');
    buttonPart(el, 'erase-button').click();
    const event = await signedOut;
    expect(event.detail).to.deep.equal({});
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;

    expect(session.token).to.equal(null);
    expect(localStorage.getItem(tokenStorageKey(testApi))).to.equal(null);
    expect((await callApi('GET', '/me', { token: auth.token })).status).to.equal(401);
    expect((await callApi('POST', '/auth/login', { body: { phone: auth.user.phone, password } })).status).to.equal(401);
    await waitUntil(() => focused(el)?.id === 'erased-title', 'focus did not go to the notice');
    expect(text(el)).to.contain(ru.accountErasure.doneTitle);
    expect(text(el)).to.contain(ru.accountErasure.doneText);
    await expect(el).to.be.accessible();

    buttonPart(el, 'erased-ok-button').click();
    await el.updateComplete;
    expect(query(el, 'h2').textContent).to.contain(ru.register.signInTitle);
  });

  it('says why when the API cannot be reached, and keeps the dialog open', async () => {
    const { el, password } = await signedInPatient();
    await openErasure(el);
    fill(el, { password });
    const original = window.fetch;
    window.fetch = (input, init) => (String(input).endsWith('/api/v1/me') && init?.method === 'DELETE' ? Promise.reject(new TypeError('offline')) : original(input, init));
    try {
      buttonPart(el, 'erase-button').click();
      const alert = () => dialogOf(el)?.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
      await waitUntil(() => alert() !== '', 'no word about the failure');
      expect(alert()).to.equal(ru.errors.network);
      expect(dialogOf(el)?.open).to.equal(true);
      expect(session.token).to.not.equal(null);
    } finally {
      window.fetch = original;
    }
  });

  it('fits a 360-px phone: no sideways scroll, 44-px buttons, 16-px text', async () => {
    await setViewport({ width: 360, height: 640 });
    const { el } = await signedInPatient(360);
    const dialog = await openErasure(el);
    const box = dialog.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(360);
    expect(box.bottom, 'the dialog scrolls inside the screen').to.be.at.most(640);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    for (const button of dialog.querySelectorAll('button')) {
      expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.least(44);
    }
    for (const node of dialog.querySelectorAll('p, li, label, input')) {
      expect(parseFloat(getComputedStyle(node).fontSize), node.textContent!).to.be.at.least(16);
    }
    expect(buttonPart(el, 'delete-account-button').getBoundingClientRect().height).to.be.at.least(44);
    await setViewport({ width: 800, height: 600 });
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await signedInPatient(undefined, 'en');
    expect(buttonPart(el, 'delete-account-button').textContent!.trim()).to.equal(en.register.deleteAccount);
    const dialog = await openErasure(el);
    expect(dialog.textContent).to.contain(en.accountErasure.title);
    expect(dialog.textContent).to.contain(en.accountErasure.keptWhy);
  });

  it('offers no account deletion to staff', async () => {
    const auth = (await callApi('POST', '/auth/login', { body: { phone: '+79000000001', password: 'demo-bakulev' } })).body as Parameters<typeof session.adopt>[0];
    session.adopt(auth, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(el.shadowRoot!.querySelector('[part~="delete-account-button"]')).to.equal(null);
  });
});
