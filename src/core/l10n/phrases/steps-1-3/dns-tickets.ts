/**
 * Step 3's phrases about the servers' DNS names and the end-to-end service ticket: which name
 * resolves and why it matters, the DNS remedies and labels and what an issued ticket carries, in
 * every language. What a Kerberos error code means is in the one table of
 * ../steps-4-6/kerberos-*.ts (see src/core/l10n/kerberos-words.ts).
 */
export const EN_DNS_TICKET_PHRASES = {
  'fp.3.state.both': 'both resolve; {registered}',
  'fp.3.state.both-spns': 'both resolve; {registered} and carries the SPNs',
  'fp.3.state.registered': '{dnsHostName} does not resolve, {registered} does',
  'fp.3.state.registered-spns': '{dnsHostName} does not resolve, {registered} does and carries the SPNs',
  'fp.3.state.dns-host-name': '{registered} does not resolve, {dnsHostName} does',
  'fp.3.state.neither': 'neither resolves',
  'fp.3.why': '{intro} {fix}',
  'fp.3.why.intro':
    'Exchange sends mail to the FQDN it registered for {server} (networkAddress), and senders ask the KDC for a ticket to SMTPSVC/{registered}. Registering SPNs for {dnsHostName} would not help: no sender uses that name.',
  'fp.3.why.fix-dnshostname':
    "The fix is to correct the computer account's dNSHostName to {registered} (Windows rewrites it from the machine's own name, so also check the primary DNS suffix of {server}); the probes of this run used {registered}.",
  'fp.3.why.no-address':
    '{registered} has no address here: give it one in the DNS zone the Exchange servers use; until then the probes of this run used {probe}.',
  'fp.3.why.no-address-or-recover':
    "{registered} has no address here: give it one in the DNS zone the Exchange servers use, or, when {dnsHostName} is the machine's real name, let Exchange register it again (the setup's /mode:RecoverServer, or the server's own name after a rename); until then the probes of this run used {probe}.",
  'fp.3.fix.resolve': 'Resolve {host} as the other Exchange servers would',
  'fp.3.fix.set-dnshostname':
    "Set the dNSHostName of {server}'s computer account to {name}, the name Exchange registered and senders use",
  'fp.3.label.resolves': 'resolves',
  'fp.3.label.lookup': 'lookup',
  'fp.3.label.addresses': 'addresses of {name}',
  'fp.3.label.ptr': 'PTR of {address}',
  'fp.3.label.ticket-etype': 'ticket encryption type ({tool})',
  'fp.3.ticket.details': ' ({details})',
  'fp.3.ticket.kvno': 'key version {kvno}',
  'fp.3.ticket.etype': 'encrypted with {etype}',
  'fp.3.ticket.meaning-why': '{meaning} {why}',
  'fp.3.ticket.refused': 'The KDC refused a service ticket for the Exchange SPN; the message says why.',
} as const;

type Key = keyof typeof EN_DNS_TICKET_PHRASES;

export const DNS_TICKET_PHRASES: Readonly<Record<'es' | 'nl' | 'he' | 'zh-cn', Readonly<Record<Key, string>>>> = {
  es: {
    'fp.3.state.both': 'ambos se resuelven; {registered}',
    'fp.3.state.both-spns': 'ambos se resuelven; {registered} tiene los SPN',
    'fp.3.state.registered': '{dnsHostName} no se resuelve, {registered} sí',
    'fp.3.state.registered-spns': '{dnsHostName} no se resuelve, {registered} sí y tiene los SPN',
    'fp.3.state.dns-host-name': '{registered} no se resuelve, {dnsHostName} sí',
    'fp.3.state.neither': 'ninguno se resuelve',
    'fp.3.why': '{intro} {fix}',
    'fp.3.why.intro':
      'Exchange envía el correo al FQDN que registró para {server} (networkAddress), y los remitentes piden al KDC un vale para SMTPSVC/{registered}. Registrar SPN para {dnsHostName} no ayudaría: ningún remitente usa ese nombre.',
    'fp.3.why.fix-dnshostname':
      'La solución es corregir el dNSHostName de la cuenta de equipo a {registered} (Windows lo reescribe a partir del nombre del propio equipo, así que compruebe también el sufijo DNS principal de {server}); las pruebas de esta ejecución usaron {registered}.',
    'fp.3.why.no-address':
      '{registered} no tiene dirección desde aquí: asígnele una en la zona DNS que usan los servidores Exchange; hasta entonces, las pruebas de esta ejecución usaron {probe}.',
    'fp.3.why.no-address-or-recover':
      '{registered} no tiene dirección desde aquí: asígnele una en la zona DNS que usan los servidores Exchange o, si {dnsHostName} es el nombre real del equipo, haga que Exchange lo registre de nuevo (/mode:RecoverServer del programa de instalación, o el propio nombre del servidor tras un cambio de nombre); hasta entonces, las pruebas de esta ejecución usaron {probe}.',
    'fp.3.fix.resolve': 'Resolver {host} como lo harían los demás servidores Exchange',
    'fp.3.fix.set-dnshostname':
      'Establecer el dNSHostName de la cuenta de equipo de {server} en {name}, el nombre que registró Exchange y que usan los remitentes',
    'fp.3.label.resolves': 'se resuelve',
    'fp.3.label.lookup': 'consulta',
    'fp.3.label.addresses': 'direcciones de {name}',
    'fp.3.label.ptr': 'PTR de {address}',
    'fp.3.label.ticket-etype': 'tipo de cifrado del vale ({tool})',
    'fp.3.ticket.details': ' ({details})',
    'fp.3.ticket.kvno': 'versión de clave {kvno}',
    'fp.3.ticket.etype': 'cifrado con {etype}',
    'fp.3.ticket.meaning-why': '{meaning} {why}',
    'fp.3.ticket.refused': 'El KDC rechazó un vale de servicio para el SPN de Exchange; el mensaje indica el motivo.',
  },
  nl: {
    'fp.3.state.both': 'beide worden omgezet; {registered}',
    'fp.3.state.both-spns': 'beide worden omgezet; {registered} heeft de SPN’s',
    'fp.3.state.registered': '{dnsHostName} wordt niet omgezet, {registered} wel',
    'fp.3.state.registered-spns': '{dnsHostName} wordt niet omgezet, {registered} wel en heeft de SPN’s',
    'fp.3.state.dns-host-name': '{registered} wordt niet omgezet, {dnsHostName} wel',
    'fp.3.state.neither': 'geen van beide wordt omgezet',
    'fp.3.why': '{intro} {fix}',
    'fp.3.why.intro':
      'Exchange stuurt mail naar de FQDN die het voor {server} heeft geregistreerd (networkAddress), en afzenders vragen de KDC om een ticket voor SMTPSVC/{registered}. SPN’s registreren voor {dnsHostName} helpt niet: geen afzender gebruikt die naam.',
    'fp.3.why.fix-dnshostname':
      'De oplossing is de dNSHostName van het computeraccount te corrigeren naar {registered} (Windows herschrijft die vanuit de eigen naam van de computer, controleer dus ook het primaire DNS-achtervoegsel van {server}); de tests van deze uitvoering gebruikten {registered}.',
    'fp.3.why.no-address':
      '{registered} heeft hier geen adres: geef het er een in de DNS-zone die de Exchange-servers gebruiken; tot dan gebruikten de tests van deze uitvoering {probe}.',
    'fp.3.why.no-address-or-recover':
      '{registered} heeft hier geen adres: geef het er een in de DNS-zone die de Exchange-servers gebruiken, of laat Exchange, als {dnsHostName} de echte naam van de computer is, de naam opnieuw registreren (/mode:RecoverServer van de installatie, of de eigen naam van de server na een naamswijziging); tot dan gebruikten de tests van deze uitvoering {probe}.',
    'fp.3.fix.resolve': '{host} omzetten zoals de andere Exchange-servers dat zouden doen',
    'fp.3.fix.set-dnshostname':
      'De dNSHostName van het computeraccount van {server} instellen op {name}, de naam die Exchange heeft geregistreerd en die afzenders gebruiken',
    'fp.3.label.resolves': 'wordt omgezet',
    'fp.3.label.lookup': 'opzoeking',
    'fp.3.label.addresses': 'adressen van {name}',
    'fp.3.label.ptr': 'PTR van {address}',
    'fp.3.label.ticket-etype': 'versleutelingstype van het ticket ({tool})',
    'fp.3.ticket.details': ' ({details})',
    'fp.3.ticket.kvno': 'sleutelversie {kvno}',
    'fp.3.ticket.etype': 'versleuteld met {etype}',
    'fp.3.ticket.meaning-why': '{meaning} {why}',
    'fp.3.ticket.refused': 'De KDC weigerde een serviceticket voor de Exchange-SPN; het bericht zegt waarom.',
  },
  he: {
    'fp.3.state.both': 'שניהם מתורגמים; {registered}',
    'fp.3.state.both-spns': 'שניהם מתורגמים; {registered} נושא את שמות ה-SPN',
    'fp.3.state.registered': '{dnsHostName} אינו מתורגם, {registered} כן',
    'fp.3.state.registered-spns': '{dnsHostName} אינו מתורגם, {registered} כן ונושא את שמות ה-SPN',
    'fp.3.state.dns-host-name': '{registered} אינו מתורגם, {dnsHostName} כן',
    'fp.3.state.neither': 'אף אחד מהם אינו מתורגם',
    'fp.3.why': '{intro} {fix}',
    'fp.3.why.intro':
      'Exchange שולח דואר ל-FQDN שרשם עבור {server} (networkAddress), והשולחים מבקשים מה-KDC כרטיס עבור SMTPSVC/{registered}. רישום שמות SPN עבור {dnsHostName} לא יעזור: אף שולח אינו משתמש בשם הזה.',
    'fp.3.why.fix-dnshostname':
      'התיקון הוא לשנות את ה-dNSHostName של חשבון המחשב ל-{registered} (Windows כותב אותו מחדש מהשם של המחשב עצמו, לכן בדוק גם את סיומת ה-DNS הראשית של {server}); הבדיקות בהרצה הזו השתמשו ב-{registered}.',
    'fp.3.why.no-address':
      'ל-{registered} אין כתובת מכאן: הקצה לו כתובת באזור ה-DNS ששרתי Exchange משתמשים בו; עד אז הבדיקות בהרצה הזו השתמשו ב-{probe}.',
    'fp.3.why.no-address-or-recover':
      'ל-{registered} אין כתובת מכאן: הקצה לו כתובת באזור ה-DNS ששרתי Exchange משתמשים בו, או, אם {dnsHostName} הוא השם האמיתי של המחשב, תן ל-Exchange לרשום אותו מחדש (/mode:RecoverServer של ההתקנה, או השם של השרת עצמו אחרי שינוי שם); עד אז הבדיקות בהרצה הזו השתמשו ב-{probe}.',
    'fp.3.fix.resolve': 'תרגם את {host} כפי ששרתי Exchange האחרים היו מתרגמים אותו',
    'fp.3.fix.set-dnshostname':
      'הגדר את ה-dNSHostName של חשבון המחשב של {server} ל-{name}, השם ש-Exchange רשם והשולחים משתמשים בו',
    'fp.3.label.resolves': 'מתורגם',
    'fp.3.label.lookup': 'בדיקת שם',
    'fp.3.label.addresses': 'הכתובות של {name}',
    'fp.3.label.ptr': 'רשומת PTR של {address}',
    'fp.3.label.ticket-etype': 'סוג ההצפנה של הכרטיס ({tool})',
    'fp.3.ticket.details': ' ({details})',
    'fp.3.ticket.kvno': 'גרסת מפתח {kvno}',
    'fp.3.ticket.etype': 'מוצפן ב-{etype}',
    'fp.3.ticket.meaning-why': '{meaning} {why}',
    'fp.3.ticket.refused': 'ה-KDC סירב לתת כרטיס שירות עבור ה-SPN של Exchange; ההודעה מסבירה מדוע.',
  },
  'zh-cn': {
    'fp.3.state.both': '两者都能解析；{registered}',
    'fp.3.state.both-spns': '两者都能解析；{registered} 持有这些 SPN',
    'fp.3.state.registered': '{dnsHostName} 无法解析，{registered} 可以',
    'fp.3.state.registered-spns': '{dnsHostName} 无法解析，{registered} 可以并持有这些 SPN',
    'fp.3.state.dns-host-name': '{registered} 无法解析，{dnsHostName} 可以',
    'fp.3.state.neither': '两者都无法解析',
    'fp.3.why': '{intro}{fix}',
    'fp.3.why.intro':
      'Exchange 将邮件发送到它为 {server} 注册的 FQDN（networkAddress），发送方向 KDC 请求 SMTPSVC/{registered} 的票证。为 {dnsHostName} 注册 SPN 没有帮助：没有发送方使用该名称。',
    'fp.3.why.fix-dnshostname':
      '解决方法是将计算机帐户的 dNSHostName 更正为 {registered}（Windows 会根据计算机自身的名称重写它，因此还要检查 {server} 的主 DNS 后缀）；本次运行的探测使用了 {registered}。',
    'fp.3.why.no-address':
      '{registered} 在这里没有地址：请在 Exchange 服务器使用的 DNS 区域中为它添加地址；在此之前，本次运行的探测使用了 {probe}。',
    'fp.3.why.no-address-or-recover':
      '{registered} 在这里没有地址：请在 Exchange 服务器使用的 DNS 区域中为它添加地址，或者，如果 {dnsHostName} 是计算机的真实名称，则让 Exchange 重新注册它（安装程序的 /mode:RecoverServer，或重命名后服务器自身的名称）；在此之前，本次运行的探测使用了 {probe}。',
    'fp.3.fix.resolve': '像其他 Exchange 服务器那样解析 {host}',
    'fp.3.fix.set-dnshostname':
      '将 {server} 的计算机帐户的 dNSHostName 设置为 {name}，即 Exchange 注册且发送方使用的名称',
    'fp.3.label.resolves': '能否解析',
    'fp.3.label.lookup': '名称查询',
    'fp.3.label.addresses': '{name} 的地址',
    'fp.3.label.ptr': '{address} 的 PTR 记录',
    'fp.3.label.ticket-etype': '票证加密类型（{tool}）',
    'fp.3.ticket.details': '（{details}）',
    'fp.3.ticket.kvno': '密钥版本 {kvno}',
    'fp.3.ticket.etype': '使用 {etype} 加密',
    'fp.3.ticket.meaning-why': '{meaning}{why}',
    'fp.3.ticket.refused': 'KDC 拒绝为 Exchange SPN 颁发服务票证；消息说明了原因。',
  },
};
