import type { Application } from '@oz/contracts';
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { ru } from '../../i18n/ru.ts';
import { renderQueueItem, type QueueViewProps } from './queue-view.ts';

// Referrals arrive through the manager's spreadsheet import, which the API does not offer yet:
// the card is checked with an application shaped as the contract says one looks.
const referral: Application = {
  id: 'a1',
  patientId: 'p1',
  patient: { fullName: 'Сидорова Нина Павловна', age: 71, phone: '+79001234567' },
  centerId: 'bakulev',
  disease: 'cardiomyopathies',
  diagnosis: 'ДКМП',
  complaints: 'Одышка',
  documentIds: [],
  status: 'submitted',
  source: 'referral',
  referral: { referringDoctor: 'Иванов И. И.', organization: 'ЦРБ', importedAt: '2030-01-01T09:00:00.000Z' },
  declineReason: null,
  consultationId: null,
  createdAt: '2030-01-01T09:00:00.000Z',
  updatedAt: '2030-01-01T09:00:00.000Z',
};

describe('queue card', () => {
  it('marks a referral in words', async () => {
    const list = await fixture<HTMLUListElement>(html`<ul></ul>`);
    const props: QueueViewProps = {
      t: ru,
      locale: 'ru',
      now: Date.parse('2030-01-02T10:00:00.000Z'),
      applications: [referral],
      diseaseName: () => 'Кардиомиопатии',
      onOpen: () => undefined,
    };
    render(renderQueueItem(props, referral), list);
    const card = list.querySelector('li')!;
    expect(card.getAttribute('part')).to.contain('referral');
    expect(card.querySelector('[part~="referral-marker"]')?.textContent).to.equal(ru.doctorDesk.referral);
    expect(card.textContent).to.contain('71 год');
    expect(card.textContent).to.contain(ru.doctorDesk.waiting(1));
    expect(card.querySelector('[part~="overdue-marker"]')).to.equal(null);
  });
});
