import type { ChangeEvent } from 'react';

/** While an IME composes, a field must keep the raw text; NFC is applied once the syllable is done. */
export function nfcUnlessComposing(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): string {
  const composing = (event.nativeEvent as InputEvent).isComposing;
  return composing ? event.target.value : event.target.value.normalize('NFC');
}
