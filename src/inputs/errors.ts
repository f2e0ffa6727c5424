import { redactSecrets } from '../log/untrusted.js';

/** A wrong input: names the input, the rule it breaks and the offending value. Nothing has been sent when it is thrown. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly rule: string,
    readonly value?: string,
  ) {
    super(`Input '${input}' ${rule}${value === undefined ? '' : ` (got ${describeValue(value)})`}`);
    this.name = 'InputError';
  }
}

/** Echoes a bad value: signed URL query values, URL user-info and registered secrets removed first. */
function describeValue(raw: string): string {
  if (raw === '') return 'an empty value';
  const value = redactSecrets(raw);
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `${JSON.stringify(shown)}${value.length > 80 ? `, ${value.length} characters` : ''}`;
}
