import { expect } from '@open-wc/testing';
import { ApiError } from '../../api/errors.ts';
import { ru } from '../../i18n/ru.ts';
import { describeError } from '../../internal/describe-error.ts';
import { describeDeskError, explainConflict, explainScheduleConflict } from './desk-problems.ts';

const conflict = (code: 'conflict' | 'program_closed', details: Record<string, unknown>) => new ApiError(409, { code, message: 'x', details });

describe('explainScheduleConflict: the reason the API gives for a 409 on scheduling', () => {
  it('tells a busy doctor, open duty time and an application reviewed meanwhile apart', () => {
    const say = (details: Record<string, unknown>) => describeDeskError(ru, explainScheduleConflict(conflict('conflict', details)));
    expect(say({ reason: 'doctor_busy', consultationId: 'c1' })).to.equal(ru.doctorDesk.busy);
    expect(say({ reason: 'doctor_busy', slotId: 's1' })).to.equal(ru.doctorDesk.busyOnDuty);
    expect(say({ reason: 'already_reviewed' })).to.equal(ru.doctorDesk.alreadyReviewed);
  });

  it('leaves any other 409 its own words', () => {
    const closed = conflict('program_closed', { start: '2027-01-01' });
    expect(explainScheduleConflict(closed)).to.equal(closed);
    expect(describeDeskError(ru, closed)).to.equal(ru.errors.program_closed);
  });
});

describe('explainConflict: every desk action’s 409 by its reason, with no second request', () => {
  const say = (details: Record<string, unknown>) => describeDeskError(ru, explainConflict(conflict('conflict', details)));

  it('says why a conclusion was refused: the consultation was cancelled, or its conclusion is written', () => {
    expect(say({ reason: 'consultation_cancelled' })).to.equal(ru.doctorDesk.consultationCancelled);
    expect(say({ reason: 'conclusion_written' })).to.equal(ru.doctorDesk.conclusionExists);
  });

  it('says a consultation can no longer be cancelled only when that is the reason', () => {
    expect(say({ reason: 'not_cancellable' })).to.equal(ru.doctorDesk.notCancellable);
    const raced = conflict('conflict', { reason: 'concurrent_change' });
    expect(explainConflict(raced), 'a concurrent change is not a guess at something else').to.equal(raced);
    expect(say({ reason: 'concurrent_change' }), 'the shared words').to.equal(describeError(ru, raced));
  });
});
