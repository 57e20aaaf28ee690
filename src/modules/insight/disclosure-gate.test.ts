import { describe, expect, it } from 'vitest';
import { protectTable } from '../../domain/insight/disclosure.ts';
import { createDisclosureGate } from './disclosure-gate.ts';

const settings = { threshold: 5, suppressZeros: false, roundingBase: null, rateMinPopulation: 10_000 };
const table = (tiel: number) => ({
  rowKeys: ['GM0268', 'GM0281', 'GM1945'],
  columnKeys: ['2024-Q1', '2024-Q2'],
  cells: [
    [9, 12],
    [tiel, 7],
    [6, 8],
  ],
});

describe('the disclosure gate keeps protected tables by their exact input', () => {
  it('answers the same protection as protectTable, and the same object for the same input', () => {
    const gate = createDisclosureGate(settings);
    const first = gate.protect(table(2));
    expect(first).toEqual(protectTable(table(2), settings));
    expect(gate.protect(table(2))).toBe(first);
    // Another gate with the same settings shares it; other settings do not.
    expect(createDisclosureGate(settings).protect(table(2))).toBe(first);
    expect(createDisclosureGate({ ...settings, threshold: 3 }).protect(table(2))).not.toBe(first);
  });

  it('never answers a stale protection when a count changes', () => {
    const gate = createDisclosureGate(settings);
    const small = gate.protect(table(2));
    const large = gate.protect(table(20));
    expect(small.cells[1]?.[0]).toMatchObject({ suppressed: true });
    expect(large.cells[1]?.[0]).toEqual({ suppressed: false, value: 20 });
  });

  it('hands out frozen tables, so no reader can change what another reader gets', () => {
    const shared = createDisclosureGate(settings).protect(table(2));
    expect(() => {
      (shared.cells[0] as unknown as unknown[])[0] = { suppressed: false, value: 1 };
    }).toThrow(TypeError);
    expect(Object.isFrozen(shared.grandTotal)).toBe(true);
  });
});
