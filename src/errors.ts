/** The only classes of the project: errors that carry a code and a catalogue sentence. */
import type { MsgRef } from './i18n/index.js';

/** Bad usage or an input that cannot be used at all: exit 2, one clear paragraph, no stack trace. */
export class InputError extends Error {
  readonly code: string;
  readonly ref: MsgRef;
  constructor(ref: MsgRef) {
    super(ref.key);
    this.name = 'InputError';
    this.code = ref.key;
    this.ref = ref;
  }
}
