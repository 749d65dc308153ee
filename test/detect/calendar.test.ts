import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calendarSlot } from '../../src/core/detect/calendar.js';

describe('calendarSlot', () => {
  it('places a UTC instant in its hour of the week, Monday 00:00 first', () => {
    const s = calendarSlot(Date.UTC(2025, 0, 7, 10, 5), 'UTC'); // Tuesday
    assert.deepEqual(s, { hourOfDay: 10, hourOfWeek: 34, label: 'Tuesday 10:05' });
  });

  it('uses the brand timezone: 20:00 UTC on a Sunday is Monday 04:00 in Shanghai', () => {
    const s = calendarSlot(Date.UTC(2025, 0, 5, 20, 0), 'Asia/Shanghai');
    assert.equal(s.hourOfWeek, 4);
    assert.equal(s.label, 'Monday 04:00');
  });
});
