/** The --help texts. */
export const MAIN_HELP = `exchange-auth-doctor: find why Exchange servers fail to authenticate to each other
(454 4.7.0 Temporary authentication failure) and how to fix it.

Usage:
  exchange-auth-doctor diagnose [options]      run the six checks of KB 979174
  exchange-auth-doctor setspn -L <account>     list an account's SPNs (like setspn -L), from LDAP
  exchange-auth-doctor setspn -X               list duplicate SPNs in the forest (like setspn -X)
  exchange-auth-doctor setspn -Q <spn>         find the accounts holding an SPN (like setspn -Q)
  exchange-auth-doctor --help | --version

Run "exchange-auth-doctor diagnose --help" or "... setspn --help" for the options.
`;

export const CONNECTION_HELP = `Directory options (each falls back to the environment variable named):
  --dc HOST             domain controller, repeatable or comma-separated    EAD_DC_HOST
  --port N              LDAP port (default 636 for ldaps, 389 for starttls) EAD_DC_PORT
  --security MODE       ldaps (default), starttls, or ldap (Kerberos only)   EAD_DC_SECURITY
  --auth MODE           password (default), kerberos (your kinit ticket, or  EAD_AUTH
                        the Windows logon), or auto (kerberos when you have one)
  --ca-file PATH        PEM file of a CA to trust besides the system store  EAD_CA_FILE
  --user UPN            bind user, e.g. doctor@contoso.com                   EAD_BIND_USER
  --realm REALM         Kerberos realm (default: from the domain name)      EAD_REALM
  --timeout MS          reply timeout of each probe in milliseconds (default 10000) EAD_TIMEOUT_MS
The password is read from EAD_BIND_PASSWORD, or asked for when run in a terminal.
It is never accepted as an option. With --auth kerberos no password is read at all:
on Linux and macOS run kinit first (ldapsearch with the SASL GSSAPI module does the
reads, sealed on port 389); on Windows the logged-on user's identity is used.
`;

export const DIAGNOSE_HELP = `Usage: exchange-auth-doctor diagnose [options]

Without --server or --pair the whole Exchange organisation is diagnosed.
  --server NAME         diagnose this server (repeatable)                    EAD_SERVERS
  --pair SENDING RECEIVING   diagnose mail from one server to another
  --steps LIST          steps to run, e.g. 1,3,6 or 1-4 (default 1-6)
  --all-spns            scan every SPN in the forest for duplicates (setspn -X); slower
  --connect-timeout MS  a port that has not answered a connect (or a Kerberos
                        datagram) within MS is "no answer" (default 3000)   EAD_CONNECT_TIMEOUT_MS
  --source-address SERVER=ADDRESS   an address SERVER may connect from besides its DNS
                        ones (a load balancer or NAT in between); step 6 says which
                        receive connector takes it (repeatable)
  --json                print { meta, findings, verdict } as JSON at the end
  --json-lines          stream one JSON object per line as results arrive: findings,
                        finished steps, and the verdict last
  --markdown            print a Markdown report
  --no-color            no colours in text output (also NO_COLOR)
  --lang LANG           language of the text output: en, es, nl, he, zh-cn (default from
                        LC_ALL, LC_MESSAGES or LANG); JSON stays language-neutral

Text output streams each step as soon as it and the steps before it are done, in step order;
on a terminal a progress line on stderr says what is still running.

${CONNECTION_HELP}
Exit status: 0 no error found, 1 error findings, 2 usage or connection error, 130 cancelled.
`;

export const SETSPN_HELP = `Usage: exchange-auth-doctor setspn (-L <account> | -X | -Q <spn>) [options]

Prints what setspn.exe would print, read from the directory over LDAP, so it works on
macOS and Linux too. -X and -Q search the global catalog (the whole forest) and fall back
to the domain when the global catalog port is closed.

${CONNECTION_HELP}`;
