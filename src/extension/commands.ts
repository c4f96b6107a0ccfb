/** Command ids in one place (package.json contributes the same ids). */
export const COMMANDS = {
  signIn: 'exchangeAuthDoctor.signIn',
  signOut: 'exchangeAuthDoctor.signOut',
  refresh: 'exchangeAuthDoctor.refresh',
  showLog: 'exchangeAuthDoctor.showLog',
} as const;

export const VIEW_ID = 'exchangeAuthDoctor.servers';
/** Context key the viewsWelcome `when` clauses read. */
export const STATE_CONTEXT_KEY = 'exchangeAuthDoctor.directoryState';
