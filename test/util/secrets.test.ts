import { describe, expect, it } from 'vitest';
import { JpevalError, ModelError } from '../../src/util/errors.js';
import { redactSecrets, registerSecret } from '../../src/util/secrets.js';

describe('secrets', () => {
  it('masks every registered key in any text, and in every jpeval error message', () => {
    registerSecret('sk-test-secret-123456');
    registerSecret('abc'); // too short to be a key: never masked (it would mangle ordinary text)
    expect(redactSecrets('Bearer sk-test-secret-123456 and sk-test-secret-123456')).toBe('Bearer *** and ***');
    expect(redactSecrets('abc')).toBe('abc');
    expect(new ModelError('m', 'server said: key sk-test-secret-123456 is invalid').message).toBe('model m: server said: key *** is invalid');
    expect(new JpevalError('x sk-test-secret-123456').message).toBe('x ***');
  });
});
