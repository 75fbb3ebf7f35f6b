import type { Consultation } from '@oz/contracts';
import { expect } from '@open-wc/testing';
import { DAY_MS, isOverdue, isSameLocalDay, localToIsoWithOffset, orderConsultations, waitingDays } from './desk-time.ts';

const consultation = (id: string, startsAt: string, status: Consultation['status'] = 'scheduled'): Consultation => ({
  id,
  kind: 'application',
  status,
  centerId: 'bakulev',
  patientId: 'p',
  patientName: 'Пациент',
  doctorId: 'd',
  doctorName: 'Врач',
  applicationId: null,
  slotId: null,
  topic: null,
  channel: 'video',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
  durationMinutes: 30,
  cancelledBy: null,
  cancelReason: null,
  hasConclusion: false,
  callEndedAt: null,
  unreadMessages: 0,
  createdAt: startsAt,
});

describe('desk time helpers', () => {
  it('turns the local date and time into ISO with the browser offset, naming the same moment', () => {
    const iso = localToIsoWithOffset('2031-03-02', '10:30')!;
    expect(iso).to.match(/^2031-03-02T10:30:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).to.equal(new Date(2031, 2, 2, 10, 30).getTime());
    expect(localToIsoWithOffset('', '10:30')).to.equal(undefined);
    expect(localToIsoWithOffset('2031-03-02', '')).to.equal(undefined);
    expect(localToIsoWithOffset('02.03.2031', '10:30')).to.equal(undefined);
  });

  it('counts whole days of waiting and marks only those past 3 days', () => {
    const filed = '2030-01-01T09:00:00.000Z';
    const at = (days: number) => Date.parse(filed) + days * DAY_MS;
    expect(waitingDays(filed, at(0.5))).to.equal(0);
    expect(waitingDays(filed, at(2.9))).to.equal(2);
    expect(isOverdue(filed, at(3))).to.equal(false);
    expect(isOverdue(filed, at(3) + 1)).to.equal(true);
  });

  it('puts upcoming consultations first, soonest first, then the rest latest first', () => {
    const now = Date.parse('2030-05-10T12:00:00Z');
    const list = [
      consultation('later', '2030-05-12T09:00:00Z'),
      consultation('old', '2030-05-01T09:00:00Z', 'completed'),
      consultation('cancelled-future', '2030-05-11T09:00:00Z', 'cancelled'),
      consultation('soon', '2030-05-10T13:00:00Z'),
      consultation('over', '2030-05-09T09:00:00Z'),
    ];
    const { upcoming, past } = orderConsultations(list, now);
    expect(upcoming.map((c) => c.id)).to.deep.equal(['soon', 'later']);
    expect(past.map((c) => c.id)).to.deep.equal(['cancelled-future', 'over', 'old']);
    expect(isSameLocalDay(now, now + 60_000)).to.equal(true);
  });
});
