/** Fluent's MessageBar watches its size; jsdom has no ResizeObserver. */
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;
export {};
