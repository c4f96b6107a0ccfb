/** Spanish catalogue (terms of KB 979174 in Spanish, see docs/localisation.md); sentences are ours. */
import type { Catalogue } from './en';
import { joinTables } from './join-tables';
import { PHRASES_1_3, type Phrase1_3Key } from './phrases/steps-1-3';
import { PHRASES_4_6, type Phrase4_6Key } from './phrases/steps-4-6';
import { PLACE_VALUE_PHRASES, type PlaceValueKey } from './phrases/places-values';

const BASE: Omit<Catalogue, Phrase1_3Key | Phrase4_6Key | PlaceValueKey> = {
  'list.separator': ', ',
  'duration.ms': '{n} ms',
  'duration.s': '{s} s',
  'duration.min': '{m} min {s} s',
  'duration.h': '{h} h {m} min {s} s',
  'steps.none': 'KB 979174',
  'steps.one': 'KB 979174 {first}',
  'steps.more': 'KB 979174 {first} y después {rest}',
  'step.label': 'paso {n} ({name})',
  'step.name.1': 'relojes',
  'step.name.2': 'replicación de AD',
  'step.name.3': 'SPN',
  'step.name.4': 'puertos de Kerberos',
  'step.name.5': 'registro de Kerberos',
  'step.name.6': 'autenticación del conector de recepción',
  'step.title.1': 'Los relojes coinciden dentro de la tolerancia de Kerberos',
  'step.title.2': 'Los controladores de dominio se replican',
  'step.title.3': 'Los SPN SMTP y SMTPSVC están registrados una sola vez, en la cuenta correcta',
  'step.title.4': 'Los puertos de Kerberos y de transporte son accesibles',
  'step.title.5': 'El registro de Kerberos no muestra errores',
  'step.title.6': 'Los conectores de recepción aceptan la autenticación de Exchange Server',

  'between.both': ' de {sending} a {receiving}',
  'between.from': ' desde {sending}',
  'between.to': ' hacia {receiving}',
  'detail.list': ' ({items})',
  'detail.error': 'error {value}',
  'detail.connector': 'conector {value}',
  'detail.mechanism': 'mecanismo {value}',
  'detail.source': 'origen {value}',
  'detail.target': 'destino {value}',

  'ev.auth-temporary-failure':
    '454 4.7.0 Error de autenticación temporal{between}: la autenticación de Exchange Server (Kerberos) entre los servidores ha fallado. Revise {steps}.',
  'ev.auth-failure-relayed':
    '451 4.4.0 ... 454 4.7.0: el siguiente salto{hop} rechazó la autenticación de Exchange Server (Kerberos) y la cola vuelve a intentarlo. Revise {steps}.',
  'ev.x-anonymoustls-failed':
    '454 4.7.0 en respuesta a {command}{between}: el servidor que recibe no pudo iniciar TLS, así que la autenticación de Exchange Server no puede seguir. Revise el certificado y la autenticación del conector de recepción ({steps}).',
  'ev.x-exps-failed.kerberos':
    '454 4.7.0 Error de autenticación temporal en respuesta a {command}{between}: el inicio de sesión Kerberos entre los servidores Exchange ha fallado. Revise {steps}.',
  'ev.x-exps-failed.exchange':
    '454 4.7.0 Error de autenticación temporal en respuesta a {command}{between}: la autenticación de Exchange Server ha fallado. Revise {steps}.',
  'ev.exchange-auth-unavailable':
    '451 5.7.3 Cannot achieve Exchange Server authentication{between}: el conector de recepción no ofreció la autenticación de Exchange Server (ni X-ANONYMOUSTLS ni X-EXPS). Revise {steps}.',
  'ev.unexpected-exchange-auth-blob':
    'UnexpectedExchangeAuthBlob{between}: el intercambio de autenticación de Exchange tras X-ANONYMOUSTLS no fue el que esperaba el servidor (autenticación del conector o certificado). Revise {steps}.',
  'ev.tls-failed':
    'Falló la negociación TLS{error}{between}: sin TLS no hay autenticación de Exchange Server; revise el certificado asociado al FQDN del conector (evento 12014). Revise {steps}.',
  'ev.event-1035':
    'Evento 1035, la autenticación de entrada falló{detail}: active el registro de Kerberos en este servidor que recibe y lea el registro del sistema. Revise {steps}.',
  'ev.event-2017': 'Evento 2017, la autenticación de salida falló{detail}{between}: {cause}. Revise {steps}.',
  'ev.outbound-auth-failed': 'La autenticación de salida falló con {error}{between}: {cause}. Revise {steps}.',
  'ev.inbound-auth-failed': 'La autenticación de entrada falló por {error}{between}: {cause}. Revise {steps}.',
  'ev.kerberos-event':
    'Evento {event} de {provider}{name}: el registro del sistema muestra un error de Kerberos. Revise {steps}.',
  'ev.kerberos-skew':
    'KRB_AP_ERR_SKEW: los relojes de los dos equipos difieren más que la tolerancia de Kerberos. Revise {steps}.',
  'ev.kerberos-modified':
    'KRB_AP_ERR_MODIFIED: el vale se cifró para otra cuenta, normalmente por un SPN SMTP/SMTPSVC duplicado o mal ubicado. Revise {steps}.',
  'ev.kerberos-error': '{name}: se registró un error de Kerberos. Revise {steps}.',
  'ev.command-refused':
    '{command} fue rechazado con "{reply}"{between}: la autenticación de Exchange Server no se completó. Revise {steps}.',
  'ev.no-exchange-auth-offered':
    'El servidor Exchange {host} no ofreció ni X-ANONYMOUSTLS ni X-EXPS en este conector: aquí no acepta la autenticación de Exchange Server. Revise {steps}.',
  'ev.banner-skew':
    'El banner de {host} da un reloj {delay} respecto al de este servidor (la fecha y hora de la línea){beyond}. Revise {steps}.',
  'ev.hop-skew':
    'El salto {hop} ({b}) tiene una marca {delay} después del salto {prev} ({a}): el tiempo retrocede, así que los relojes de {a} y {b} difieren al menos {skew}{beyond}. Revise {steps}.',
  'ev.beyond-tolerance': ', más que la tolerancia de Kerberos de {minutes} minutos',
  'ev.malformed-record': 'No es un registro del registro de protocolo: {got} de {want} campos.',
  'ev.long-line': 'La línea {line} tiene {length} caracteres; solo se analizaron los primeros {max}.',
  'ev.analysis-failed': 'No se pudo analizar este archivo: {reason}',
  'ev.too-large':
    'Este documento supera los {mb} MB y no se analiza en el editor; use "Scan log folder" en su carpeta.',
  'ev.correlated':
    '{sending} a {receiving}: {count} pruebas de un mismo error ({sources}), primero el paso {step}: {cause}.',

  'cause.IllegalMessage': 'el intercambio Kerberos fue rechazado; el registro del sistema dice por qué',
  'cause.LogonDenied':
    'el inicio de sesión fue denegado: un SPN incorrecto o ausente, una clave obsoleta o una confianza rota',
  'cause.KdcUnknownEncryptionType':
    'el controlador de dominio y las cuentas no comparten ningún tipo de cifrado (claves de la cuenta de equipo)',
  'cause.UnexpectedExchangeAuthBlob':
    'los datos de autenticación de Exchange no eran los que esperaba el servidor que recibe',
  'cause.TimeSkew': 'los relojes difieren más que la tolerancia de Kerberos',
  'cause.TargetUnknown': 'el controlador de dominio no conoce el SPN de destino',
  'cause.WrongPrincipal': 'el vale era para otra cuenta (un SPN duplicado o mal ubicado)',
  'cause.MessageAltered': 'no se pudo descifrar el vale (un SPN duplicado o una clave obsoleta)',
  'cause.NoAuthenticatingAuthority': 'no se pudo contactar con ningún controlador de dominio para Kerberos',
  'cause.InvalidToken': 'el token de autenticación no era válido',
  'cause.default': 'la autenticación entre los servidores falló',

  'hover.enhanced-code': '**{code}** código de estado extendido',
  'hover.vendor-code': 'Código de detalle que no está en el registro de IANA (propio del fabricante).',
  'hover.with-reply-codes': ' (con los códigos de respuesta {codes})',
  'hover.iana-source':
    '_Fuente: registro "SMTP Enhanced Status Codes" de IANA, transcrito el {date}; descripciones en inglés, tal como están registradas._',
  'hover.reply': '**{code}** respuesta SMTP ({kind})',
  'hover.reply.2': 'correcta',
  'hover.reply.3': 'intermedia',
  'hover.reply.4': 'error transitorio: el remitente lo vuelve a intentar',
  'hover.reply.5': 'error permanente',
  'hover.port': 'Puerto {port}: {what}.',
  'port.25': 'Transporte front-end (conector Default Frontend), o un servidor perimetral/SMTP',
  'port.2525': 'servicio de transporte en un servidor de buzones (conector Default; tráfico entre servidores)',
  'port.465': 'conector Client Proxy (el transporte front-end reenvía clientes autenticados)',
  'port.475': 'servicio de entrega de transporte de buzones',
  'port.587': 'conector Client Frontend (clientes autenticados)',
  'port.717': 'conector Outbound Proxy Frontend',

  // Field descriptions of the protocol and tracking log hovers.
  'field.p.date-time':
    'Cuándo se registró el evento, en UTC (ISO 8601). Compárelo con el registro del otro servidor en UTC, no en hora local.',
  'field.p.connector-id':
    'El conector que atendió la sesión. En un registro de recepción: `<servidor>\\<nombre del conector de recepción>` (p. ej. `EX02\\Default EX02`). En un registro de envío: el conector de envío o el conector implícito de la organización.',
  'field.p.session-id':
    'Un identificador, parecido a un GUID, común a todas las líneas de una sesión SMTP. El esquema agrupa las líneas por él.',
  'field.p.sequence-number': 'El orden del evento dentro de su sesión, desde 0.',
  'field.p.local-endpoint':
    'La dirección IP y el puerto de este servidor. El puerto indica el servicio: 25 transporte front-end, 2525 transporte en un servidor de buzones, 465 Client Proxy, 587 Client Frontend, 717 Outbound Proxy Frontend.',
  'field.p.remote-endpoint':
    'La dirección IP y el puerto del otro servidor. En un registro de recepción es el servidor que envía; en uno de envío, el que recibe.',
  'field.p.event':
    'Qué ocurrió: `+` conexión, `-` desconexión, `>` enviado por este servidor, `<` recibido del otro extremo, `*` información registrada por Exchange.',
  'field.p.data':
    'El comando SMTP, la respuesta o el texto informativo. Los datos de autenticación se registran como `<authentication response>`, no su contenido.',
  'field.p.context':
    'Contexto adicional de las líneas `*` (por ejemplo el certificado o el resultado de la autenticación).',
  'field.e.connect': 'Conexión: empieza la sesión.',
  'field.e.disconnect': 'Desconexión: termina la sesión.',
  'field.e.sent': 'Enviado por el servidor que escribió este registro.',
  'field.e.received': 'Recibido del otro extremo.',
  'field.e.info': 'Información registrada por Exchange (TLS, autenticación, certificados).',
  'field.t.date-time': 'Cuándo se registró el evento, en UTC.',
  'field.t.client-ip':
    'La dirección del servidor o cliente que entregó el mensaje en este paso (en SEND/DEFER/FAIL de SMTP: el servidor que escribió este registro).',
  'field.t.client-hostname': 'El nombre del extremo que envía en este paso.',
  'field.t.server-ip':
    'La dirección del extremo que recibe en este paso (en SEND/DEFER/FAIL de SMTP: el siguiente salto).',
  'field.t.server-hostname': 'El nombre del extremo que recibe en este paso.',
  'field.t.source-context': 'Información adicional sobre el origen (conector, sesión o agente).',
  'field.t.connector-id': 'El conector usado en este paso.',
  'field.t.source': 'El componente que registró el evento: SMTP, STOREDRIVER, AGENT, ROUTING, DSN...',
  'field.t.event-id': 'RECEIVE, SEND, DELIVER, DEFER (reintento más tarde), FAIL (NDR), EXPAND, RESOLVE, REDIRECT...',
  'field.t.internal-message-id': 'El identificador del mensaje en la base de datos de colas de este servidor.',
  'field.t.message-id': 'El encabezado Message-ID; el mismo en cada servidor por el que pasó el mensaje.',
  'field.t.network-message-id':
    'Un identificador que Exchange conserva para todas las copias del mensaje en la organización.',
  'field.t.recipient-address': 'Los destinatarios afectados por el evento.',
  'field.t.recipient-status':
    'Estado por destinatario: en DEFER y FAIL, la respuesta SMTP (p. ej. `451 4.4.0 ... 454 4.7.0 ...`).',
  'field.t.total-bytes': 'Tamaño del mensaje en bytes.',
  'field.t.recipient-count': 'Número de destinatarios.',
  'field.t.message-subject': 'El asunto (puede ocultarlo la opción MessageTrackingLogSubjectLoggingEnabled).',
  'field.t.sender-address': 'El remitente del sobre.',
  'field.t.directionality': 'Incoming, Originating o Undefined.',

  'cli.step-header': 'Paso {step}: {title}',
  'cli.why-unknown': 'por qué es desconocido: {reason}',
  'cli.changes-server': 'cambia el servidor',
  'cli.read-only': 'solo lectura',
  'cli.remedy': '{summary} ({effect}; en {host}):',
  'cli.verdict':
    'Veredicto: {overall} ({error} error, {warning} advertencia, {unknown} desconocido, {ok} correcto; {findings} resultados)',
  'cli.cause': 'Paso {step}: {summary}',
  'severity.error': 'ERROR',
  'severity.warning': 'AVISO',
  'severity.unknown': 'DESCON.',
  'severity.ok': 'OK',
};

export const ES: Catalogue = joinTables(BASE, PHRASES_1_3['es'], PHRASES_4_6['es'], PLACE_VALUE_PHRASES['es']);
