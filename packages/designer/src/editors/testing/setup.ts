/**
 * What antd and @xyflow/react need from a browser that jsdom lacks. Each editor test imports
 * this first, so the tests run whatever the shell's vitest setup is.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

if (typeof window !== 'undefined') {
  // antd asks for pseudo-element styles, which jsdom does not implement (it only warns).
  const computedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computedStyle(element);
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserver });
    Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: ResizeObserver });
  }
  if (!('DOMMatrixReadOnly' in window)) {
    class DOMMatrixReadOnly {
      m22: number;
      constructor(transform?: string) {
        const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
        this.m22 = scale === undefined ? 1 : Number(scale);
      }
    }
    Object.defineProperty(window, 'DOMMatrixReadOnly', {
      writable: true,
      value: DOMMatrixReadOnly,
    });
    Object.defineProperty(globalThis, 'DOMMatrixReadOnly', {
      writable: true,
      value: DOMMatrixReadOnly,
    });
  }
}
