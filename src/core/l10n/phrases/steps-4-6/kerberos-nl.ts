/** TEMP */
export const NL_KERBEROS_PHRASES = {} as const;
