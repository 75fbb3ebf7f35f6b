import type { DutySlot } from '@oz/contracts';
import { expect } from '@open-wc/testing';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { dayLabel, groupByDay, localDayKey, nearestSlots, utcOffsetMinutes } from './slot-days.ts';

/** A slot starting at a local wall-clock time (the browser's own time zone). */
function slotAt(id: string, local: Date, doctorId = 'd1', doctorName = 'Кузнецов Дмитрий Сергеевич'): DutySlot {
  return {
    id,
    centerId: 'bakulev',
    doctorId,
    doctorName,
    startsAt: local.toISOString(),
    endsAt: new Date(local.getTime() + 20 * 60_000).toISOString(),
    durationMinutes: 20,
    status: 'free',
    consultationId: null,
  };
}

describe('duty schedule: days and times', () => {
  // Thursday 26 November 2026, 23:30 local: the next slot at 00:10 is already "tomorrow".
  const now = new Date(2026, 10, 26, 23, 30);

  it('names today, tomorrow and other days plainly, with the year only when it differs', () => {
    expect(dayLabel(ru, 'ru', new Date(2026, 10, 26), now)).to.equal('Сегодня, 26 ноября');
    expect(dayLabel(ru, 'ru', new Date(2026, 10, 27), now)).to.equal('Завтра, 27 ноября');
    expect(dayLabel(ru, 'ru', new Date(2026, 10, 28), now)).to.equal('Суббота, 28 ноября');
    expect(dayLabel(ru, 'ru', new Date(2027, 0, 4), now)).to.equal('Понедельник, 4 января 2027 г.');
    expect(dayLabel(en, 'en', new Date(2026, 10, 27), now)).to.equal('Tomorrow, November 27');
    expect(dayLabel(en, 'en', new Date(2026, 10, 30), now)).to.equal('Monday, November 30');
  });

  it('groups slots by local day, then by doctor in order of their first slot', () => {
    const slots = [
      slotAt('c', new Date(2026, 10, 27, 0, 10), 'd2', 'Соколова Елена Викторовна'),
      slotAt('a', new Date(2026, 10, 26, 23, 40)),
      slotAt('b', new Date(2026, 10, 27, 0, 0)),
      slotAt('d', new Date(2026, 10, 27, 0, 20)),
    ];
    const days = groupByDay(slots);
    expect(days.map((day) => day.key)).to.deep.equal(['2026-11-26', '2026-11-27']);
    expect(days[0]!.doctors.map((d) => d.slots.map((s) => s.id))).to.deep.equal([['a']]);
    expect(days[1]!.doctors.map((d) => [d.doctorName, d.slots.map((s) => s.id)])).to.deep.equal([
      ['Кузнецов Дмитрий Сергеевич', ['b', 'd']],
      ['Соколова Елена Викторовна', ['c']],
    ]);
    expect(localDayKey(days[1]!.date)).to.equal('2026-11-27');
  });

  it('offers the closest free times to the one that was taken, in time order', () => {
    const at = (h: number, m: number) => new Date(2026, 10, 30, h, m);
    const slots = [at(9, 0), at(10, 0), at(10, 20), at(10, 40), at(11, 0), at(13, 0)].map((t, i) => slotAt(`s${i}`, t));
    const wanted = slotAt('gone', at(10, 30));
    expect(nearestSlots(slots, wanted).map((s) => s.id)).to.deep.equal(['s1', 's2', 's3']);
    // The taken slot itself is never offered back.
    expect(nearestSlots(slots, slots[2]!, 2).map((s) => s.id)).to.deep.equal(['s1', 's3']);
    expect(nearestSlots([], wanted)).to.deep.equal([]);
  });

  it('knows the UTC offset of Moscow and of other zones', () => {
    const date = new Date('2026-11-26T12:00:00Z');
    expect(utcOffsetMinutes(date, 'Europe/Moscow')).to.equal(180);
    expect(utcOffsetMinutes(date, 'Asia/Yekaterinburg')).to.equal(300);
    expect(utcOffsetMinutes(date, 'Asia/Kolkata')).to.equal(330);
    expect(utcOffsetMinutes(date)).to.equal(-date.getTimezoneOffset());
  });
});
