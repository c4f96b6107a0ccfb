/**
 * Step 3's phrases about the Kerberos keys and state of an Exchange computer account on every DC:
 * the keys table, encryption types, evidence labels, reasons and the remedies (replicate, repair
 * the secure channel, purge tickets, allow AES...), in every language. Attribute names, cmdlet
 * output (`True`, `False`) and flag names (USE_DES_KEY_ONLY) stay as they are.
 */
export const EN_KEY_PHRASES = {
  'fp.3.keys.caption': 'Kerberos keys of {account} on each domain controller',
  'fp.3.keys.dc': 'DC',
  'fp.3.keys.version': 'key version',
  'fp.3.keys.password-set': 'password set',
  'fp.3.keys.types': 'encryption types',
  'fp.3.keys.account': 'account',
  'fp.3.keys.kdc-types': "KDC's types",
  'fp.3.keys.not-read': 'not read',
  'fp.3.keys.enabled': 'enabled',
  'fp.3.keys.disabled': 'disabled',
  'fp.3.keys.with-des-only': '{state}, USE_DES_KEY_ONLY',
  'fp.3.not-set': 'not set',
  'fp.3.no-known-type': '{value} (no known type)',
  'fp.3.dc-types': '{dc} ({types})',
  'fp.3.version-on': '{version} on {dc}',
  'fp.3.label.aes-since': 'AES keys possible since',
  'fp.3.label.attribute-of': '{attribute} of {name}',
  'fp.3.reason.keys-unread': '{reasons}',
  'fp.3.reason.no-such-account': '{dc}: no such account',
  'fp.3.fix.replicate':
    'Replicate the domain partition from {ahead} to {behind} now, so {behind} holds the current key',
  'fp.3.fix.secure-channel-test': "See whether {server}'s secure channel to its domain works (True or False)",
  'fp.3.fix.secure-channel-repair':
    "Repair {server}'s secure channel: sets a new machine password on a DC (new keys, next key version)",
  'fp.3.fix.purge': 'Drop the Kerberos tickets {sender} cached as the machine (SYSTEM), so it asks the KDC again',
  'fp.3.fix.ticket-as': "Ask for a ticket to {spn} as {sender}'s machine account and show its key version and type",
  'fp.3.fix.enable': 'Enable the computer account of {name} (then repair its secure channel on {name})',
  'fp.3.fix.allow-aes':
    'Allow AES128 and AES256 tickets for {name} (msDS-SupportedEncryptionTypes 0x18); Windows makes AES keys at the next password change',
  'fp.3.fix.find-dnshostname': 'List every computer account whose dNSHostName is {fqdn}',
  'fp.3.fix.remove-computer':
    'Remove the stale computer account {samAccountName} (after checking no live machine uses it)',
  'fp.3.fix.kdc-events':
    "Read {dc}'s KDC events about accounts without a usable key or still using RC4 (14, 16, 26, 27, 42, 201-209)",
} as const;

type Key = keyof typeof EN_KEY_PHRASES;

export const KEY_PHRASES: Readonly<Record<'es' | 'nl' | 'he' | 'zh-cn', Readonly<Record<Key, string>>>> = {
  es: {
    'fp.3.keys.caption': 'Claves de Kerberos de {account} en cada controlador de dominio',
    'fp.3.keys.dc': 'DC',
    'fp.3.keys.version': 'versión de clave',
    'fp.3.keys.password-set': 'contraseña establecida',
    'fp.3.keys.types': 'tipos de cifrado',
    'fp.3.keys.account': 'cuenta',
    'fp.3.keys.kdc-types': 'tipos del KDC',
    'fp.3.keys.not-read': 'no leída',
    'fp.3.keys.enabled': 'habilitada',
    'fp.3.keys.disabled': 'deshabilitada',
    'fp.3.keys.with-des-only': '{state}, USE_DES_KEY_ONLY',
    'fp.3.not-set': 'sin establecer',
    'fp.3.no-known-type': '{value} (ningún tipo conocido)',
    'fp.3.dc-types': '{dc} ({types})',
    'fp.3.version-on': '{version} en {dc}',
    'fp.3.label.aes-since': 'claves AES posibles desde',
    'fp.3.label.attribute-of': '{attribute} de {name}',
    'fp.3.reason.keys-unread': '{reasons}',
    'fp.3.reason.no-such-account': '{dc}: no existe la cuenta',
    'fp.3.fix.replicate':
      'Replicar ahora la partición del dominio de {ahead} a {behind}, para que {behind} tenga la clave actual',
    'fp.3.fix.secure-channel-test': 'Ver si funciona el canal seguro de {server} con su dominio (True o False)',
    'fp.3.fix.secure-channel-repair':
      'Reparar el canal seguro de {server}: establece una nueva contraseña de equipo en un DC (claves nuevas, siguiente versión de clave)',
    'fp.3.fix.purge':
      'Descartar los vales de Kerberos que {sender} guardó como el equipo (SYSTEM), para que vuelva a pedirlos al KDC',
    'fp.3.fix.ticket-as':
      'Pedir un vale para {spn} como la cuenta de equipo de {sender} y mostrar su versión de clave y su tipo',
    'fp.3.fix.enable': 'Habilitar la cuenta de equipo de {name} (y después reparar su canal seguro en {name})',
    'fp.3.fix.allow-aes':
      'Permitir vales AES128 y AES256 para {name} (msDS-SupportedEncryptionTypes 0x18); Windows crea las claves AES en el siguiente cambio de contraseña',
    'fp.3.fix.find-dnshostname': 'Mostrar todas las cuentas de equipo cuyo dNSHostName es {fqdn}',
    'fp.3.fix.remove-computer':
      'Quitar la cuenta de equipo obsoleta {samAccountName} (tras comprobar que ningún equipo activo la usa)',
    'fp.3.fix.kdc-events':
      'Leer los eventos del KDC de {dc} sobre cuentas sin clave utilizable o que aún usan RC4 (14, 16, 26, 27, 42, 201-209)',
  },
  nl: {
    'fp.3.keys.caption': 'Kerberos-sleutels van {account} op elke domeincontroller',
    'fp.3.keys.dc': 'DC',
    'fp.3.keys.version': 'sleutelversie',
    'fp.3.keys.password-set': 'wachtwoord ingesteld',
    'fp.3.keys.types': 'versleutelingstypen',
    'fp.3.keys.account': 'account',
    'fp.3.keys.kdc-types': 'typen van de KDC',
    'fp.3.keys.not-read': 'niet gelezen',
    'fp.3.keys.enabled': 'ingeschakeld',
    'fp.3.keys.disabled': 'uitgeschakeld',
    'fp.3.keys.with-des-only': '{state}, USE_DES_KEY_ONLY',
    'fp.3.not-set': 'niet ingesteld',
    'fp.3.no-known-type': '{value} (geen bekend type)',
    'fp.3.dc-types': '{dc} ({types})',
    'fp.3.version-on': '{version} op {dc}',
    'fp.3.label.aes-since': 'AES-sleutels mogelijk sinds',
    'fp.3.label.attribute-of': '{attribute} van {name}',
    'fp.3.reason.keys-unread': '{reasons}',
    'fp.3.reason.no-such-account': '{dc}: account bestaat niet',
    'fp.3.fix.replicate':
      'De domeinpartitie nu repliceren van {ahead} naar {behind}, zodat {behind} de huidige sleutel heeft',
    'fp.3.fix.secure-channel-test':
      'Nagaan of het beveiligde kanaal van {server} naar zijn domein werkt (True of False)',
    'fp.3.fix.secure-channel-repair':
      'Het beveiligde kanaal van {server} herstellen: stelt op een DC een nieuw computerwachtwoord in (nieuwe sleutels, volgende sleutelversie)',
    'fp.3.fix.purge':
      'De Kerberos-tickets verwijderen die {sender} als de computer (SYSTEM) in de cache heeft, zodat het de KDC opnieuw vraagt',
    'fp.3.fix.ticket-as':
      'Een ticket voor {spn} aanvragen als het computeraccount van {sender} en de sleutelversie en het type tonen',
    'fp.3.fix.enable':
      'Het computeraccount van {name} inschakelen (en daarna het beveiligde kanaal op {name} herstellen)',
    'fp.3.fix.allow-aes':
      'AES128- en AES256-tickets toestaan voor {name} (msDS-SupportedEncryptionTypes 0x18); Windows maakt de AES-sleutels bij de volgende wachtwoordwijziging',
    'fp.3.fix.find-dnshostname': 'Elk computeraccount tonen waarvan de dNSHostName {fqdn} is',
    'fp.3.fix.remove-computer':
      'Het verouderde computeraccount {samAccountName} verwijderen (na te controleren dat geen actieve computer het gebruikt)',
    'fp.3.fix.kdc-events':
      'De KDC-gebeurtenissen van {dc} lezen over accounts zonder bruikbare sleutel of die nog RC4 gebruiken (14, 16, 26, 27, 42, 201-209)',
  },
  he: {
    'fp.3.keys.caption': 'מפתחות Kerberos של {account} בכל בקר תחום',
    'fp.3.keys.dc': 'DC',
    'fp.3.keys.version': 'גרסת מפתח',
    'fp.3.keys.password-set': 'הסיסמה הוגדרה',
    'fp.3.keys.types': 'סוגי הצפנה',
    'fp.3.keys.account': 'חשבון',
    'fp.3.keys.kdc-types': 'הסוגים של ה-KDC',
    'fp.3.keys.not-read': 'לא נקרא',
    'fp.3.keys.enabled': 'מופעל',
    'fp.3.keys.disabled': 'מושבת',
    'fp.3.keys.with-des-only': '{state}, USE_DES_KEY_ONLY',
    'fp.3.not-set': 'לא מוגדר',
    'fp.3.no-known-type': '{value} (אין סוג מוכר)',
    'fp.3.dc-types': '{dc} ({types})',
    'fp.3.version-on': '{version} ב-{dc}',
    'fp.3.label.aes-since': 'מפתחות AES אפשריים מאז',
    'fp.3.label.attribute-of': '{attribute} של {name}',
    'fp.3.reason.keys-unread': '{reasons}',
    'fp.3.reason.no-such-account': '{dc}: החשבון אינו קיים',
    'fp.3.fix.replicate': 'שכפל עכשיו את מחיצת התחום מ-{ahead} אל {behind}, כדי ש-{behind} יחזיק במפתח הנוכחי',
    'fp.3.fix.secure-channel-test': 'בדוק אם הערוץ המאובטח של {server} לתחום שלו פועל ("True" או "False")',
    'fp.3.fix.secure-channel-repair':
      'תקן את הערוץ המאובטח של {server}: קובע סיסמת מחשב חדשה ב-DC (מפתחות חדשים, גרסת המפתח הבאה)',
    'fp.3.fix.purge': 'מחק את כרטיסי Kerberos ש-{sender} שמר במטמון בתור המחשב (SYSTEM), כדי שיבקש שוב מה-KDC',
    'fp.3.fix.ticket-as': 'בקש כרטיס עבור {spn} בתור חשבון המחשב של {sender} והצג את גרסת המפתח ואת הסוג שלו',
    'fp.3.fix.enable': 'הפעל את חשבון המחשב של {name} (ואז תקן את הערוץ המאובטח שלו ב-{name})',
    'fp.3.fix.allow-aes':
      'אפשר כרטיסי AES128 ו-AES256 עבור {name} (msDS-SupportedEncryptionTypes 0x18); Windows יוצר את מפתחות ה-AES בשינוי הסיסמה הבא',
    'fp.3.fix.find-dnshostname': 'הצג כל חשבון מחשב שה-dNSHostName שלו הוא {fqdn}',
    'fp.3.fix.remove-computer': 'הסר את חשבון המחשב המיושן {samAccountName} (אחרי שבדקת שאף מחשב פעיל אינו משתמש בו)',
    'fp.3.fix.kdc-events':
      'קרא את אירועי ה-KDC של {dc} על חשבונות בלי מפתח שמיש או שעדיין משתמשים ב-RC4 (14, 16, 26, 27, 42, 201-209)',
  },
  'zh-cn': {
    'fp.3.keys.caption': '{account} 在每个域控制器上的 Kerberos 密钥',
    'fp.3.keys.dc': 'DC',
    'fp.3.keys.version': '密钥版本',
    'fp.3.keys.password-set': '密码设置时间',
    'fp.3.keys.types': '加密类型',
    'fp.3.keys.account': '帐户',
    'fp.3.keys.kdc-types': 'KDC 的类型',
    'fp.3.keys.not-read': '未读取',
    'fp.3.keys.enabled': '已启用',
    'fp.3.keys.disabled': '已禁用',
    'fp.3.keys.with-des-only': '{state}，USE_DES_KEY_ONLY',
    'fp.3.not-set': '未设置',
    'fp.3.no-known-type': '{value}（没有已知类型）',
    'fp.3.dc-types': '{dc}（{types}）',
    'fp.3.version-on': '{dc} 上为 {version}',
    'fp.3.label.aes-since': '可拥有 AES 密钥的起始时间',
    'fp.3.label.attribute-of': '{name} 的 {attribute}',
    'fp.3.reason.keys-unread': '{reasons}',
    'fp.3.reason.no-such-account': '{dc}：没有该帐户',
    'fp.3.fix.replicate': '立即将域分区从 {ahead} 复制到 {behind}，使 {behind} 持有当前密钥',
    'fp.3.fix.secure-channel-test': '查看 {server} 到其域的安全通道是否正常（"True" 或 "False"）',
    'fp.3.fix.secure-channel-repair': '修复 {server} 的安全通道：在 DC 上设置新的计算机密码（新密钥，下一个密钥版本）',
    'fp.3.fix.purge': '丢弃 {sender} 以计算机身份（SYSTEM）缓存的 Kerberos 票证，使其重新向 KDC 请求',
    'fp.3.fix.ticket-as': '以 {sender} 的计算机帐户请求 {spn} 的票证，并显示其密钥版本和类型',
    'fp.3.fix.enable': '启用 {name} 的计算机帐户（然后在 {name} 上修复其安全通道）',
    'fp.3.fix.allow-aes':
      '允许 {name} 使用 AES128 和 AES256 票证（msDS-SupportedEncryptionTypes 0x18）；Windows 会在下次更改密码时生成 AES 密钥',
    'fp.3.fix.find-dnshostname': '列出 dNSHostName 为 {fqdn} 的每个计算机帐户',
    'fp.3.fix.remove-computer': '删除过时的计算机帐户 {samAccountName}（先确认没有正在使用它的计算机）',
    'fp.3.fix.kdc-events':
      '读取 {dc} 上关于没有可用密钥或仍在使用 RC4 的帐户的 KDC 事件（14、16、26、27、42、201-209）',
  },
};
