import { ReactiveElement } from 'lit';
import type { FieldError } from '@oz/contracts';
import { expect, fixture, html } from '../../test/testing.ts';
import { LazyChecksController } from './lazy-checks.ts';

class ChecksHost extends ReactiveElement {
  updates = 0;
  protected override update(changed: Map<PropertyKey, unknown>): void {
    super.update(changed);
    this.updates += 1;
  }
}
if (!customElements.get('checks-host')) customElements.define('checks-host', ChecksHost);

const tooLong: FieldError = { field: 'text', code: 'too_long', message: 'too long', limit: 3 };
const checks = { checkText: (text: string): FieldError[] => (text.length > 3 ? [tooLong] : []) };

describe('LazyChecksController', () => {
  it('starts loading when a person first touches the element, and re-renders it when the checks arrive', async () => {
    let resolve!: (value: typeof checks) => void;
    let loads = 0;
    const host = await fixture<ChecksHost>(html`<checks-host></checks-host>`);
    const before = host.updates;
    const controller = new LazyChecksController(host, () => {
      loads += 1;
      return new Promise<typeof checks>((done) => (resolve = done));
    });
    expect(loads, 'nothing is fetched while nobody uses the element').to.equal(0);
    host.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    host.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(loads, 'loading starts at the first focus, once').to.equal(1);
    resolve(checks);
    expect(await controller.check((c) => c.checkText('длинный'))).to.deep.equal([tooLong]);
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(before);
    expect(controller.value).to.equal(checks);
  });

  it('loads at the first submit when nobody touched the element before', async () => {
    const host = await fixture<ChecksHost>(html`<checks-host></checks-host>`);
    let loads = 0;
    const controller = new LazyChecksController(host, () => {
      loads += 1;
      return Promise.resolve(checks);
    });
    expect(await controller.check((c) => c.checkText('длинный'))).to.deep.equal([tooLong]);
    host.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(loads).to.equal(1);
  });

  it('finds nothing when the chunk cannot load, and tries again on the next check', async () => {
    const host = await fixture<ChecksHost>(html`<checks-host></checks-host>`);
    let fail = true;
    const controller = new LazyChecksController(host, () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(checks)));
    expect(await controller.check((c) => c.checkText('длинный'))).to.deep.equal([]);
    fail = false;
    expect(await controller.check((c) => c.checkText('длинный'))).to.deep.equal([tooLong]);
  });
});
