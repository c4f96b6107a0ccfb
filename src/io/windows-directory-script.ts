/**
 * The Windows PowerShell 5.1 script the Windows directory adapter runs (`powershell.exe
 * -NoProfile -NonInteractive -EncodedCommand`): .NET's System.DirectoryServices with the current
 * logon (Negotiate, i.e. Kerberos in a domain), signing and sealing on plain LDAP, or SSL for
 * LDAPS. The script holds no user text: it reads requests from standard input, one JSON object per
 * line, and writes one JSON line per request to standard output, until standard input closes (one
 * process per discovery; see ./line-channel.ts), in the format `parseWindowsOutput`
 * (./windows-directory-output.ts) reads:
 *
 *   request:  { host, port, ldaps, base, scope: base|one|sub, filter, attributes[], binary[],
 *               pageSize, sizeLimit, timeoutSeconds }   (base "" with scope base = the RootDSE)
 *   success:  { ok: true, identity: "CONTOSO\\alice", entries: [ { dn, attributes: { name: [values] } } ] }
 *   failure:  { ok: false, hresult: -2147016646, message: "The server is not operational." }
 *
 * Values: byte arrays as base64, dates as LDAP generalized time (`20261204134855.0Z`), anything
 * else as its invariant string. NOT RUN ON WINDOWS HERE: written against the .NET Framework
 * documentation of DirectoryEntry, DirectorySearcher and AuthenticationTypes; the parsing of its
 * output is tested (test/unit/io/windows-directory.test.ts) on the format above.
 */
export const WINDOWS_DIRECTORY_SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false
Add-Type -AssemblyName System.DirectoryServices
function Convert-Value($v) {
  if ($v -is [byte[]]) { return [Convert]::ToBase64String($v) }
  if ($v -is [DateTime]) { return $v.ToUniversalTime().ToString('yyyyMMddHHmmss.0Z', [Globalization.CultureInfo]::InvariantCulture) }
  return [Convert]::ToString($v, [Globalization.CultureInfo]::InvariantCulture)
}
function Invoke-Search($req) {
  $auth = [DirectoryServices.AuthenticationTypes]::Secure
  if ($req.ldaps) { $auth = $auth -bor [DirectoryServices.AuthenticationTypes]::SecureSocketsLayer }
  else { $auth = $auth -bor [DirectoryServices.AuthenticationTypes]::Signing -bor [DirectoryServices.AuthenticationTypes]::Sealing }
  $server = '{0}:{1}' -f $req.host, $req.port
  $entries = New-Object System.Collections.ArrayList
  if ($req.scope -eq 'base' -and $req.base -eq '') {
    $root = New-Object DirectoryServices.DirectoryEntry ('LDAP://{0}/RootDSE' -f $server), $null, $null, $auth
    try {
      $attrs = @{}
      foreach ($name in $req.attributes) {
        $values = @($root.Properties[$name] | ForEach-Object { Convert-Value $_ })
        if ($values.Count -gt 0) { $attrs[$name] = $values }
      }
      [void]$entries.Add(@{ dn = ''; attributes = $attrs })
    } finally { $root.Dispose() }
  } else {
    # In an ADsPath a "/" inside the DN must be escaped.
    $entry = New-Object DirectoryServices.DirectoryEntry ('LDAP://{0}/{1}' -f $server, ($req.base -replace '/', '\/')), $null, $null, $auth
    $searcher = New-Object DirectoryServices.DirectorySearcher $entry
    $searcher.Filter = $req.filter
    $searcher.SearchScope = @{ base = 'Base'; one = 'OneLevel'; sub = 'Subtree' }[$req.scope]
    $searcher.PageSize = [int]$req.pageSize
    $searcher.SizeLimit = [int]$req.sizeLimit
    $searcher.ServerTimeLimit = [TimeSpan]::FromSeconds([int]$req.timeoutSeconds)
    $searcher.ReferralChasing = [DirectoryServices.ReferralChasingOption]::None
    foreach ($name in $req.attributes) { [void]$searcher.PropertiesToLoad.Add($name) }
    $results = $searcher.FindAll()
    try {
      foreach ($r in $results) {
        $attrs = @{}
        foreach ($name in $r.Properties.PropertyNames) {
          if ($name -eq 'adspath') { continue }
          $attrs[$name] = @($r.Properties[$name] | ForEach-Object { Convert-Value $_ })
        }
        $dn = ($r.Path -replace '^LDAP://[^/]+/', '') -replace '\\/', '/'
        [void]$entries.Add(@{ dn = $dn; attributes = $attrs })
      }
    } finally { $results.Dispose(); $searcher.Dispose(); $entry.Dispose() }
  }
  return @{ ok = $true; identity = [Security.Principal.WindowsIdentity]::GetCurrent().Name; entries = $entries.ToArray() }
}
# One request per line on standard input, one answer per line on standard output, until stdin closes.
while ($null -ne ($line = [Console]::In.ReadLine())) {
  try { $answer = Invoke-Search ($line | ConvertFrom-Json) }
  catch {
    $e = $_.Exception
    while ($e.InnerException -and -not ($e -is [Runtime.InteropServices.COMException])) { $e = $e.InnerException }
    $answer = @{ ok = $false; hresult = $e.HResult; message = $e.Message }
  }
  [Console]::Out.WriteLine((ConvertTo-Json -InputObject $answer -Depth 6 -Compress))
  [Console]::Out.Flush()
}
`;

/** `-EncodedCommand` takes the script as base64 of its UTF-16LE bytes. */
export function encodedScript(script: string = WINDOWS_DIRECTORY_SCRIPT): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export function powershellArgs(): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodedScript()];
}
