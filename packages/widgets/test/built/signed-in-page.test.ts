// The built bundle on a page that has a stored session: <oz-register> comes with its signed-in part
// alone, never the sign-in and registration forms; they come once the person signs out, and a
// second sign-in in the same page fetches neither part again.
import { expect, waitUntil } from '../testing.ts';
import { registerPatient, testApi } from '../api.ts';
import { buttonPart, fill, submitButton } from '../dom.ts';
import { loadBundle } from './load-bundle.ts';


const entries = (pattern: RegExp) =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => pattern.test(new URL(entry.name).pathname));
const SIGNED_IN_PART = /\/register-signed-in-[\w-]+\.js$/;
const SIGNED_OUT_PART = /\/register-signed-out-[\w-]+\.js$/;
/** What a person reads in the element; nothing before its code has come. */
const words = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the built bundle on a page with a stored session', () => {
  let patient: Awaited<ReturnType<typeof registerPatient>>['patient'];
  let register: HTMLElement;

  before(async () => {
    const registered = await registerPatient();
    patient = registered.patient;
    localStorage.clear();
    localStorage.setItem(`oz:session:${testApi}`, registered.auth.token);
    await loadBundle();
  });

  it('shows the signed-in view with its part preloaded alongside the element, and no sign-in forms', async () => {
    register = document.createElement('oz-register');
    document.body.append(register);
    await waitUntil(() => words(register).includes(patient.fullName), 'the signed-in view did not show', { timeout: 15_000 });
    const [element] = entries(/\/oz-register-[\w-]+\.js$/);
    const [part] = entries(SIGNED_IN_PART);
    expect(part, 'the signed-in part was not fetched').to.not.equal(undefined);
    expect(part!.startTime, 'the part asked for only after the element code came').to.be.below(element!.responseEnd);
    expect(entries(SIGNED_OUT_PART), 'the sign-in forms on a signed-in page').to.deep.equal([]);
  });

  it('fetches the sign-in forms once signed out, and neither part again on the next sign-in', async () => {
    buttonPart(register, 'sign-out-button').click();
    await waitUntil(() => register.shadowRoot?.querySelector('[name="phone"]'), 'no sign-in form after signing out', { timeout: 15_000 });
    expect(entries(SIGNED_OUT_PART)).to.have.length(1);

    fill(register, { phone: patient.phone, password: patient.password });
    submitButton(register).click();
    await waitUntil(() => words(register).includes(patient.fullName), 'the signed-in view did not come back', { timeout: 15_000 });
    buttonPart(register, 'sign-out-button').click();
    await waitUntil(() => register.shadowRoot?.querySelector('[name="phone"]'), 'no sign-in form after the second sign-out', { timeout: 15_000 });
    expect(entries(SIGNED_IN_PART)).to.have.length(1);
    expect(entries(SIGNED_OUT_PART)).to.have.length(1);
  });
});
