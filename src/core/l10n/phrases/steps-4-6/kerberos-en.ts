/**
 * English phrases for what a Kerberos error means and why an event points at a step
 * (src/core/kerberos-codes.ts), as step 5's findings word them.
 */
export const EN_KERBEROS_PHRASES = {} as const;
