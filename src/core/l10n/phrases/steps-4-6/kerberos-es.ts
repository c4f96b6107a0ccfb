/** TEMP */
export const ES_KERBEROS_PHRASES = {} as const;
