/**
 * Spanish wording of the finding codes of steps 4 to 6 (ports, Kerberos logging, Receive
 * connectors), keyed by code, with the English templates' placeholders. Terms follow KB 979174 in
 * Spanish (conector de recepción, autenticación de Exchange Server, registro de Kerberos, registro
 * del sistema); the sentences are ours. Assembled with steps 1 to 3 in ./es.ts.
 */
import type { FindingTranslations } from './types';

const CERT_EXPLANATION =
  'Entre servidores Exchange el certificado solo cifra la sesión X-ANONYMOUSTLS; el remitente no lo valida y la autenticación es Kerberos, así que el correo sigue fluyendo. Es una advertencia: renuévelo (New-ExchangeCertificate y después Enable-ExchangeCertificate -Services SMTP) antes de que falle algo que sí lo valida, como una suscripción perimetral o un asociado que usa TLS.';
const LINK_LOCAL_EXPLANATION =
  'El servidor escucha en IPv6 y acepta remitentes IPv6, pero ningún intervalo de IP remotas incluye fe80::/10. Un servidor del mismo vínculo que se conecta por IPv6 lo hace desde su dirección de vínculo local y se rechaza antes de poder autenticarse; su correo se queda en cola. Agregue fe80::/10 a los intervalos del conector que recibe a los demás servidores Exchange (conservando sus otros intervalos), o asigne a ese conector ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff como hace el programa de instalación.';
const SELECTION_RULE =
  'Exchange entrega una conexión al conector habilitado enlazado en el puerto cuyos intervalos de IP remotas incluyen al remitente de la forma más precisa.';

export const ES_STEPS_4_TO_6: FindingTranslations = {
  // Step 4: ports
  'port.kdc-stopped': {
    title:
      '{name}: el servicio Centro de distribución de claves Kerberos (KDC) no se está ejecutando (LDAP responde; {kerberosStates})',
    explanation:
      'Este controlador de dominio responde por LDAP, así que está encendido y accesible, pero rechaza Kerberos: ningún proceso escucha en el puerto 88, lo que significa que el servicio Centro de distribución de claves Kerberos (Kdc) está detenido o no pudo iniciarse. Los servidores Exchange que piden vales a este controlador fallan o esperan, y la autenticación de Exchange Server falla con 454 4.7.0. En el controlador, compruebe el servicio y los eventos del KDC del registro del sistema con las líneas siguientes; Kdc debe estar en ejecución con inicio automático, y los eventos indican por qué se detuvo.',
  },
  'port.kdc-silent': {
    title: '{name}: {failures}',
    explanation:
      'El puerto 88 acepta conexiones, pero el KDC nunca responde a una solicitud Kerberos: el servicio KDC está bloqueado o sobrecargado, o el puerto lo ocupa otro proceso. Una simple conexión TCP daría este puerto por abierto. Las solicitudes de vales a este controlador de dominio esperan hasta agotar el tiempo, y la autenticación de Exchange Server falla con 454 4.7.0. Revise el controlador: el servicio Kdc, sus eventos en el registro del sistema y la carga de lsass.exe.',
  },
  'port.kerberos-blocked': {
    title: '{name}: {failures}',
    explanation:
      'Los servidores Exchange obtienen los vales de Kerberos de los controladores de dominio por el puerto 88 (primero UDP, TCP para vales grandes) y el 464. Si no se llega a un controlador por ahí, las solicitudes de vales fallan o esperan hasta agotar el tiempo, y la autenticación de Exchange Server falla con 454 4.7.0. Esto se probó desde este equipo; confírmelo desde los servidores Exchange con las líneas siguientes.',
  },
  'port.transport-blocked': {
    title: '{name}: {failures}',
    explanation:
      'Los demás servidores Exchange entregan correo a este servidor por estos puertos. Si no pueden llegar a ellos, el correo se queda en cola en el lado que envía. Esto se probó desde este equipo; confírmelo desde los demás servidores Exchange con las líneas siguientes.',
  },
  'port.blocked': {
    title: '{name}: {failures}',
    explanation:
      'Exchange también necesita estos puertos para sus consultas de directorio y su administración. Kerberos no los usa directamente, pero si uno está bloqueado provoca otros errores. Confírmelo desde los servidores Exchange con las líneas siguientes.',
  },
  'port.open': {
    title: '{name} responde en {openPorts}{closedOptional}{notTested}',
    explanation:
      'Todos los puertos importantes respondieron desde este equipo. La ruta que importa parte de los servidores Exchange; las líneas siguientes la prueban allí.',
  },
  'port.host-silent': {
    title: '{name} ({host}) no respondió en ninguno de sus puertos',
    explanation:
      'Ningún puerto respondió dentro del tiempo de espera de la prueba: el host está apagado, su dirección es incorrecta o un firewall descarta todo lo que viene de este equipo. No se puede decir nada de cada puerto por separado.',
  },
  'port.unresolved': {
    title: '{name} ({host}) no se resuelve',
    explanation: 'El nombre no se resuelve desde este equipo, así que no se pudo probar ningún puerto.',
  },
  'port.not-tested': {
    title: 'No hay prueba TCP para {host}',
    explanation: 'Test-NetConnection se ejecutó sin -Port.',
  },
  // Step 4, a KDC in each server's site (issue 12)
  'port.kdc-site-ok': {
    title: 'Un KDC del sitio {site} de {server} responde ({kdcs})',
    explanation: '{server} puede obtener vales de un KDC de su propio sitio.',
  },
  'port.kdc-site-none': {
    title: 'No hay ningún controlador de dominio en el sitio {site} de {server}',
    explanation:
      '{server} tiene que llegar a un KDC de otro sitio a través de los vínculos de sitio; Exchange espera un controlador de dominio y un catálogo global en su propio sitio.',
  },
  'port.kdc-site-unreachable': {
    title: 'Ningún KDC del sitio {site} de {server} responde en el puerto 88 ({kdcs})',
    explanation:
      '{server} pide vales primero a los KDC de su propio sitio. Si ninguno responde, espera a que cada uno agote el tiempo antes de probar otros sitios, o falla: la autenticación de Exchange Server hacia y desde {server} deja de funcionar.',
  },
  'port.kdc-tcp-blocked': {
    title: '{kdcs} en el sitio {site} de {server}: Kerberos responde en UDP 88 pero no en TCP 88',
    explanation:
      'Las respuestas Kerberos pequeñas caben en un datagrama; una más grande (un PAC grande, muchos grupos) vuelve como KRB_ERR_RESPONSE_TOO_BIG y el cliente reintenta por TCP 88, que aquí falla.',
  },
  // Step 4, the SMTP path (issue 13)
  'smtp.path-clean': {
    title: '{where} responde como debe el conector de {server}: nada en la ruta reescribe SMTP',
    explanation: 'El banner nombra al servidor y todas las palabras clave que ofrece su conector llegaron sin cambios.',
  },
  'smtp.inspected': {
    title: 'Algo en la ruta hacia {where} inspecciona SMTP: {signs}',
    explanation:
      'Un banner enmascarado o palabras clave EHLO sobrescritas con caracteres X es lo que hace un firewall con inspección SMTP (ESMTP). Los servidores Exchange necesitan que X-ANONYMOUSTLS, X-EXPS y GSSAPI pasen sin cambios entre ellos (KB 979175); a través de un dispositivo así no pueden iniciar TLS ni autenticarse, y el correo se queda en cola con 454 4.7.0 o 451 5.7.3. Desactive la inspección SMTP para el tráfico entre servidores Exchange o deje pasar esos verbos.',
  },
  'smtp.keywords-differ': {
    title: '{where} no ofrece lo que debería el conector de {server}: {missing}',
    explanation:
      'No llegaron todas las palabras clave que según el directorio ofrece este conector, o el banner nombra otro host. Un banner personalizado o un cambio de conector que el servidor aún no ha cargado se ven igual que un dispositivo que elimina palabras clave; compárelo con un EHLO enviado desde el propio servidor remitente.',
  },

  // Step 5: Kerberos logging
  'kerberos-log.unreadable': {
    title: 'No se pudieron leer de forma remota los registros de eventos de {server}',
    explanation:
      'Leer LogLevel y los registros de eventos requiere comunicación remota de PowerShell (WinRM) con el servidor y derechos administrativos en él. Ejecute las líneas siguientes en el propio servidor.',
  },
  'kerberos-log.needs-windows': {
    title: 'El registro de Kerberos de {server} debe comprobarse en Windows',
    explanation:
      'Los errores de Kerberos se escriben en el registro del sistema solo mientras LogLevel vale 1. Actívelo en el servidor que registra el evento 1035, reproduzca el error (o espere al siguiente reintento), lea los eventos y vuelva a desactivarlo.',
  },
  'kerberos-log.event': {
    title: '{server} registró {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.exchange-auth-failed': {
    title: '{server} registró {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.clean': {
    title: 'No hay errores de Kerberos en el registro del sistema de {server}',
    explanation:
      'No se encontró ningún evento de error de cliente Kerberos ni del KDC en el período leído. Los errores de Kerberos del lado cliente solo se escriben allí mientras LogLevel vale 1 (la evidencia lo muestra si se leyó); vuelva a desactivar el registro cuando termine.',
  },
  'kerberos-log.off': {
    title:
      'El registro de Kerberos está desactivado en {server}, así que su registro del sistema no puede mostrar errores de Kerberos',
    explanation:
      'No se encontraron eventos de Kerberos ni 1035, pero sin LogLevel Windows no registra los errores de Kerberos del lado cliente. Active el registro, deje que falle el siguiente intento de entrega y vuelva a comprobarlo.',
  },
  'kerberos-log.enabled': {
    title: 'Registro de Kerberos activado',
    explanation:
      'LogLevel = 1 surte efecto de inmediato; los errores de Kerberos van ahora al registro del sistema. Desactívelo cuando haya reunido los eventos.',
  },
  'kerberos-log.disabled': {
    title: 'Registro de Kerberos desactivado',
    explanation: 'Se quitó LogLevel.',
  },
  'kerberos-log.change-failed': {
    title: 'No se pudo realizar la acción "{action}" en el registro de Kerberos',
    explanation: 'El valor del Registro LogLevel no se cambió; la salida del comando indica por qué.',
  },

  // Step 6: Receive connectors
  'connector.exchange-auth': {
    title: '{connector} acepta la autenticación de Exchange Server',
    explanation:
      'El conector tiene el mecanismo ExchangeServer, así que los demás servidores Exchange cuyo correo recibe pueden autenticarse con Kerberos.',
  },
  'connector.no-exchange-auth': {
    title: '{connector} no ofrece la autenticación de Exchange Server',
    explanation:
      'Un conector que recibe correo de otros servidores Exchange necesita el mecanismo ExchangeServer: sin él no ofrece X-ANONYMOUSTLS ni la autenticación de Exchange, así que esos servidores no pueden autenticarse y su correo se queda en cola con 454 4.7.0.',
  },
  'connector.relay-captures-exchange': {
    title: '{connector} captura el correo de {senders}, pero no tiene la autenticación de Exchange Server',
    explanation:
      'Los intervalos de IP remotas de este conector incluyen las direcciones de los demás servidores Exchange de forma más precisa que el conector predeterminado, así que Exchange le entrega sus conexiones. Sin el mecanismo ExchangeServer no ofrece X-ANONYMOUSTLS y los remitentes fallan con 454 4.7.0. Reduzca sus intervalos o agregue la autenticación de Exchange Server.',
  },
  'connector.none-internal': {
    title: 'Ningún conector de recepción habilitado de {server} escucha en el puerto 2525 ni en el 25',
    explanation:
      'Los demás servidores Exchange entregan al puerto del transporte de concentradores (2525) o al puerto 25; sin ningún conector habilitado allí, no pueden entregar nada.',
  },
  'connector.sender-not-covered': {
    title: 'Ningún conector habilitado de {server} en el puerto {port} acepta {senders}',
    explanation:
      'Los intervalos de IP remotas de los conectores de este puerto dejan fuera a estos servidores Exchange, así que sus conexiones se rechazan antes de la autenticación.',
  },
  'connector.none-read': {
    title: 'No se leyó ningún conector de recepción de {server}',
    explanation: 'O bien la cuenta de enlace no puede leerlos, o bien la detección falló para este servidor.',
  },
  'connector.none': {
    title: 'No se mostró ningún conector de recepción',
    explanation: 'Get-ReceiveConnector no devolvió nada.',
  },
  'connector.sender-unresolved': {
    title: 'No se sabe qué conector de {server} recibe el correo de {sender}',
    explanation:
      'Hace falta la dirección del servidor remitente para ver qué intervalo de IP remotas, y por tanto qué conector, recibe sus conexiones.',
  },
  'connector.probe-failed': {
    title: '{endpoint} no respondió a un EHLO',
    explanation:
      'No se pudo ver desde este equipo lo que ofrece el conector en la red; la vista del directorio anterior sigue siendo válida. El paso 4 indica si el puerto es accesible.',
  },
  'connector.wire-agrees': {
    title: '{endpoint} {offers} X-ANONYMOUSTLS, según está configurado {connector}',
    explanation: 'Lo que el conector ofrece en la red coincide con su AuthMechanism en el directorio.',
  },
  'connector.wire-lacks-anonymoustls': {
    title: '{connector} tiene la autenticación de Exchange Server en AD, pero {endpoint} no ofrece X-ANONYMOUSTLS',
    explanation:
      'Exchange solo ofrece X-ANONYMOUSTLS cuando el conector puede hacer la autenticación de Exchange Server, que además requiere un certificado válido para el FQDN del conector (evento 12014 si no lo hay). Sin ello, los demás servidores fallan con 454 4.7.0 o 451 5.7.3. Un cambio de directorio que aún no ha llegado a este servidor tiene el mismo aspecto.',
  },
  'connector.wire-offers-anonymoustls': {
    title: '{endpoint} ofrece X-ANONYMOUSTLS aunque {connector} no tiene la autenticación de Exchange Server en AD',
    explanation:
      'La red y el directorio no coinciden: puede que otro conector esté respondiendo a este equipo, o que el servidor todavía no haya leído un cambio de directorio (vuelve a cargar los conectores periódicamente).',
  },
  // Step 6, TLS and connector selection on the wire (issue 13)
  'tls.handshake': {
    title: '{where}: {verb} y después {protocol}; X-EXPS dentro de TLS: {mechanisms}',
    explanation:
      'TLS se inicia como lo inicia un servidor Exchange remitente, y las palabras clave dentro de TLS son las que implica el directorio.',
  },
  'tls.session-stalled': {
    title: 'La sesión SMTP con {where} se detuvo en la fase {stage}',
    explanation:
      'El receptor (o algo en la ruta) dejó de responder o rechazó la sesión a mitad, así que no se pudo ver si TLS y la autenticación de Exchange funcionan en este puerto.',
  },
  'tls.not-offered': {
    title: '{where} no ofrece X-ANONYMOUSTLS ni STARTTLS, aunque {connector} debería ofrecerlos',
    explanation:
      'Un servidor Exchange remitente inicia TLS (X-ANONYMOUSTLS) antes de autenticarse con Kerberos; sin TLS no puede autenticarse y su correo se queda en cola. Exchange omite X-ANONYMOUSTLS cuando el conector no tiene la autenticación de Exchange Server o no encuentra un certificado utilizable (evento 12014).',
  },
  'tls.upgrade-refused': {
    title: '{where} ofrece {verb}, pero lo rechaza: {reply}',
    explanation:
      'El receptor anuncia TLS y después se niega a iniciarlo. Exchange responde así cuando el conector no puede cargar un certificado utilizable para su FQDN (evento 12014 en el receptor); el servidor remitente no puede iniciar TLS, así que no puede autenticarse y su correo se queda en cola. Busque el evento 12014 y compruebe los certificados con Get-ExchangeCertificate en el receptor.',
  },
  'tls.version-mismatch': {
    title:
      'No hay ninguna versión de TLS en común con {where}: este lado ofreció {offered}, {server} habla {receiverSpeaks}',
    explanation:
      'Después de {verb}, los dos lados no encontraron ninguna versión de protocolo que ambos permitan. Los servidores Exchange negocian TLS mediante SChannel; si un servidor tiene TLS 1.2 deshabilitado (o solo TLS 1.2 o superior habilitado mientras el otro solo usa TLS 1.0/1.1), X-ANONYMOUSTLS falla y la autenticación de Exchange nunca empieza. Habilite TLS 1.2 en ambos servidores (claves del Registro de protocolos de SChannel y SchUseStrongCrypto de .NET) y reinicie el servicio de transporte.',
  },
  'tls.handshake-failed': {
    title: 'Falló el protocolo de enlace TLS con {where} después de {verb}',
    explanation:
      'El receptor aceptó iniciar TLS, pero el protocolo de enlace no se completó; el motivo que da la plataforma explica por qué.',
  },
  'tls.exps-missing': {
    title:
      '{where} no ofrece X-EXPS dentro de TLS, aunque {connector} tiene la autenticación de Exchange o la autenticación integrada',
    explanation:
      'Después de X-ANONYMOUSTLS, un servidor Exchange remitente se autentica con X-EXPS (GSSAPI, EXCHANGEAUTH). Sin él no tiene con qué autenticarse, y el remitente informa de 454 4.7.0 o 451 5.7.3.',
  },
  'tls.certificate-expired': {
    title: 'El certificado de transporte que {server} presenta en {where}: {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.certificate-name': {
    title: 'El certificado de transporte que {server} presenta en {where} no es para {fqdn}: {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.not-judged-inspected': {
    title: 'No se puede evaluar TLS en {where}: algo en la ruta reescribe SMTP',
    explanation:
      'El banner o las palabras clave EHLO llegan enmascarados, así que lo que ofrece el receptor queda oculto. El paso 4 indica las señales.',
  },
  'connector.selection': {
    title: 'Cada remitente llega a un conector de {server} con la autenticación de Exchange Server',
    explanation: `${SELECTION_RULE} La tabla indica, para cada dirección desde la que puede conectarse un remitente, el conector que gana y por qué perdieron los demás. El ganador necesita la autenticación de Exchange Server (con TLS) y el grupo de permisos ExchangeServers.`,
  },
  'connector.selection-lacks-auth': {
    title: '{senders} llegan a {connectors} en {server}, sin la autenticación de Exchange Server',
    explanation: `${SELECTION_RULE} La tabla indica el ganador para cada dirección y por qué perdieron los demás. Aquí el ganador no tiene la autenticación de Exchange Server (el error del conector lo indica); necesita ese mecanismo con TLS y el grupo de permisos ExchangeServers.`,
  },
  'connector.selection-tie': {
    title: 'En {port}, {sender} ({address}) está incluido en intervalos igual de precisos de {connectors}',
    explanation:
      'Cuando dos conectores del mismo enlace incluyen una dirección con intervalos del mismo tamaño, no está documentado cuál recibe la conexión; haga más preciso uno de los intervalos para que la elección sea suya.',
  },
  'connector.link-local-uncovered': {
    title:
      'Ningún conector de {server} en {port} acepta las direcciones IPv6 de vínculo local (fe80::/10) desde las que se conectan otros servidores por IPv6',
    explanation: LINK_LOCAL_EXPLANATION,
  },
  'connector.link-local-partial': {
    title:
      'Ningún conector de {server} en {port} acepta todas las direcciones IPv6 de vínculo local (fe80::/10) desde las que se conectan otros servidores por IPv6',
    explanation: LINK_LOCAL_EXPLANATION,
  },
};
