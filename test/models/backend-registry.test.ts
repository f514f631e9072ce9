import { describe, expect, it } from 'vitest';
import { registerBackend, type BackendRegistration } from '../../src/models/backend-registry.js';
import { parseModelSpec } from '../../src/models/spec.js';

/** Plugins register plain JavaScript objects: a malformed one must fail at registration, by name. */
describe('registerBackend checks what a plugin hands it', () => {
  const base = (kind: string): BackendRegistration => ({
    kind,
    forms: [`${kind}:<name>`],
    claims: (spec) => spec.startsWith(`${kind}:`),
    parse: (spec, raw) => ({ kind, id: spec, raw }),
    defaults: { concurrency: 1, batchSize: 1 },
    create: async () => {
      throw new Error('not used');
    },
  });

  it('names every missing field (a registration without kind used to be accepted)', () => {
    const { kind: _kind, create: _create, ...noKind } = base('regtest-a');
    expect(() => registerBackend(noKind as unknown as BackendRegistration)).toThrow('a backend registration needs kind (a non-empty string), create()');
    expect(() => registerBackend({ ...base('regtest-b'), defaults: {} } as unknown as BackendRegistration)).toThrow('defaults { concurrency, batchSize }');
  });

  it('a parse() that returns a spec without its kind is an error naming the backend', () => {
    registerBackend({ ...base('regtest-c'), parse: (spec) => ({ id: spec }) as unknown as ReturnType<BackendRegistration['parse']> });
    expect(() => parseModelSpec('regtest-c:x')).toThrow('backend "regtest-c": parse("regtest-c:x") must return { kind: "regtest-c", id, raw, … }');
  });

  it('a well-formed registration parses its specs', () => {
    registerBackend(base('regtest-d'));
    expect(parseModelSpec('regtest-d:x')).toEqual({ kind: 'regtest-d', id: 'regtest-d:x', raw: 'regtest-d:x' });
    expect(() => registerBackend(base('regtest-d'))).toThrow('backend "regtest-d" is registered twice');
  });
});
