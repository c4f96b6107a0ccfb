/** TEMP */
export const ZH_CN_KERBEROS_PHRASES = {} as const;
