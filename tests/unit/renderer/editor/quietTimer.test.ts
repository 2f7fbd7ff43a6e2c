import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createQuietTimer } from '../../../../src/renderer/editor/quietTimer';

let clock = 0;
const now = () => clock;
/** Moves the test's clock and the fake timers together. */
const advance = (ms: number) => {
  clock += ms;
  vi.advanceTimersByTime(ms);
};

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

it('fires once, the delay after the last poke, however many pokes came before', () => {
  const fire = vi.fn();
  const timer = createQuietTimer(300, fire, now);
  for (let i = 0; i < 20; i += 1) {
    timer.poke();
    advance(80);
  }
  // 20 pokes 80 ms apart: still typing, nothing fired.
  expect(fire).not.toHaveBeenCalled();
  advance(219);
  expect(fire).not.toHaveBeenCalled();
  advance(1);
  expect(fire).toHaveBeenCalledTimes(1);
  advance(1000);
  expect(fire).toHaveBeenCalledTimes(1);
});

it('keeps one timeout armed while pokes come, instead of one per poke', () => {
  const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
  const timer = createQuietTimer(300, () => {}, now);
  for (let i = 0; i < 30; i += 1) {
    timer.poke();
    advance(10);
  }
  // 300 ms of pokes every 10 ms: the first arms, the early fire re-arms once.
  expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(2);
  setTimeoutSpy.mockRestore();
});

it('fires again after a later poke, and not at all once cancelled', () => {
  const fire = vi.fn();
  const timer = createQuietTimer(100, fire, now);
  timer.poke();
  advance(100);
  expect(fire).toHaveBeenCalledTimes(1);
  timer.poke();
  advance(50);
  timer.cancel();
  advance(500);
  expect(fire).toHaveBeenCalledTimes(1);
  timer.poke();
  advance(100);
  expect(fire).toHaveBeenCalledTimes(2);
});
