/** TEMP */
export const HE_KERBEROS_PHRASES = {} as const;
