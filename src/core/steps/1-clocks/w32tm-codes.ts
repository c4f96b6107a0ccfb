/** The HRESULTs w32tm prints most often, with what they mean for a clock check. */
const HRESULTS: Readonly<Record<number, string>> = {
  0x800705b4: 'no answer from the time server before the timeout (UDP 123 blocked, or the service is not serving time)',
  0x80072af9: 'the host name could not be resolved',
  0x80070426: 'the Windows Time service is not running',
  0x80072746: 'the connection was reset by the remote host',
  0x80070005: 'access denied',
  0x80070057: 'an argument was not valid',
};

export function describeW32tmError(code: number): string | undefined {
  return HRESULTS[code >>> 0];
}
