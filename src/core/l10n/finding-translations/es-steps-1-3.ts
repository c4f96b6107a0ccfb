/**
 * Spanish wording of the finding codes of steps 1 to 3 (clocks, replication, SPNs), keyed by code,
 * with the English templates' placeholders. Terms follow KB 979174 in Spanish (controlador de
 * dominio, replicación, nombre de entidad de seguridad de servicio (SPN), cuenta de equipo); the
 * sentences are ours. Assembled with steps 4 to 6 in ./es.ts.
 */
import type { FindingTranslations } from './types';

const STALE_KDC =
  'Cada controlador de dominio responde a las solicitudes de Kerberos y LDAP con su propia copia del directorio. Un controlador que no ha recibido el último cambio de la cuenta de un servidor Exchange (por ejemplo, un SPN recién registrado) entrega datos antiguos: su KDC no encuentra el SPN y los vales para ese servidor fallan hasta que la replicación se ponga al día. Averigüe por qué se detiene la replicación hacia este controlador y luego envíele los cambios.';
const PRINCIPAL_UNKNOWN =
  'Los demás servidores Exchange piden al KDC un vale para SMTPSVC/<name> de este servidor. Si ninguna cuenta tiene ese SPN, el KDC responde KDC_ERR_S_PRINCIPAL_UNKNOWN, la autenticación de Exchange falla y el correo se queda en cola con 454 4.7.0.';
const NO_ACCOUNT = 'Sin la cuenta de equipo no se pueden comparar sus SPN con los que necesita Exchange.';

export const ES_STEPS_1_TO_3: FindingTranslations = {
  // Step 1: clocks
  'clock.ok': {
    title: 'El reloj de {host} coincide con {reference} ({skew}, ±{uncertainty})',
    explanation: 'La diferencia con {reference} es lo bastante pequeña para Kerberos.',
  },
  'clock.skew': {
    title: 'El reloj de {by} va {duration} {direction} {reference}{detail}',
    explanation:
      'Los mensajes de Kerberos llevan marcas de tiempo. Un KDC o un servidor receptor que encuentra una más alejada de su propio reloj que la tolerancia ({tolerance}) la rechaza como posible reproducción (KRB_AP_ERR_SKEW); la parte Kerberos de la autenticación de Exchange Server falla y el servidor que envía deja el correo en cola con 454 4.7.0. Un reloj desviado más que el umbral de advertencia ({warning}) pero dentro de la tolerancia todavía funciona, aunque uno que se ha desviado tanto suele seguir desviándose. Ajuste este reloj desde su origen de hora y después averigüe por qué se desvió.',
  },
  'clock.unreachable': {
    title: 'No se pudo leer el reloj de {host}',
    explanation:
      'Sin una lectura, este reloj no se puede comparar con los demás. El motivo indica qué falló; los demás hosts sí se compararon.',
  },
  'clock.no-banner-date': {
    title: 'Los banners SMTP de {host} ocultan la fecha, así que su reloj no se pudo leer desde aquí',
    explanation:
      'Exchange incluye su hora en el banner SMTP salvo que un banner personalizado lo sustituya. Lea el reloj en el propio servidor.',
  },
  'clock.local-skew': {
    title: 'El reloj de este equipo va {duration} {direction} la hora del dominio',
    explanation:
      'Las diferencias entre los servidores se miden sin depender del reloj de este equipo, así que siguen siendo correctas. Pero los vales de Kerberos solicitados desde aquí (la prueba de extremo a extremo del paso 3) pueden fallar hasta que se corrija este reloj.',
  },

  // Step 2: replication
  'replication.behind': {
    title: '{dc} va por detrás de {references}: {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.missing-object': {
    title: '{dc} va por detrás de {references}: {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.disagree': {
    title: '{dc} y {others} no coinciden: {dc} {difference}{more}',
    explanation:
      'Los controladores de dominio tienen valores distintos y ninguno tiene todos los del otro, así que desde aquí no se puede saber cuál va por detrás (estos controladores no devuelven msDS-ReplAttributeMetaData, y whenChanged es una marca local que no indica qué cambio es más reciente). Puede que a ambos les falte un cambio que tiene el otro. Compruebe el estado de replicación de los dos; repadmin /showobjmeta en cada uno muestra qué escritura es la más reciente.',
  },
  'replication.agree': {
    title: '{dc} tiene las copias más recientes de los {count} objetos de Exchange consultados',
    explanation:
      'Comparado con los otros {others} controladores de dominio que respondieron: los SPN, los nombres DNS y los atributos de Exchange coinciden.',
  },
  'replication.dc-unreachable': {
    title: 'No se pudo pedir a {dc} sus copias de los objetos de Exchange',
    explanation:
      'No se pudo comprobar si este controlador de dominio tiene las cuentas de Exchange más recientes. Si está apagado, los clientes pasan a otros controladores; si está en marcha pero solo es inaccesible desde aquí, compruébelo desde un equipo de su sitio.',
  },
  'replication.not-compared': {
    title: '{dc} respondió, pero ningún otro controlador de dominio lo hizo, así que no había con qué compararlo',
    explanation:
      'La replicación se comprueba comparando lo que tienen varios controladores de dominio; con una sola respuesta no hay comparación posible.',
  },
  'replication.single-dc': {
    title: '{dc} es el único controlador de dominio encontrado, así que no hay replicación que comparar',
    explanation:
      'Con un solo controlador de dominio todas las solicitudes ven los mismos datos; la replicación no puede ir atrasada. Si esperaba más controladores, compruebe que la detección puede leer la configuración de Sites.',
  },
  'replication.failures': {
    title: '{dc} no recibe la replicación: {fails} de {total} vínculos de entrada fallan{error}',
    explanation:
      'repadmin informa de errores de replicación de entrada en este controlador de dominio; los datos que sirve pueden carecer de cambios recientes, incluidos los de las cuentas de los servidores Exchange (un SPN agregado en otro controlador es desconocido para este).',
  },
  'replication.unreachable': {
    title: 'repadmin no pudo consultar {dc} (error {code})',
    explanation:
      'repadmin no pudo conectar con este controlador de dominio para leer su estado de replicación, así que es un punto ciego, no un controlador en buen estado.',
  },
  'replication.healthy': {
    title: 'La replicación no informa de errores en {rows} fila(s)',
    explanation: 'Todos los vínculos de replicación se completaron correctamente en su último intento.',
  },
  'replication.synced': {
    title: 'SyncAll desde {dc} terminó sin errores',
    explanation: 'Todas las particiones se enviaron a todos los asociados.',
  },
  'replication.sync-failed': {
    title: 'SyncAll desde {dc} notificó {count} error(es)',
    explanation:
      'Algunos asociados no aceptaron los cambios; es posible que se sigan emitiendo vales a partir de datos obsoletos.',
  },

  // Step 3: SPNs
  'spn.no-computer-account': {
    title: 'No se encontró la cuenta de equipo {account} de {server}',
    explanation: NO_ACCOUNT,
  },
  'spn.list-failed': {
    title: 'setspn -L falló: {message}',
    explanation: NO_ACCOUNT,
  },
  'spn.listed': {
    title: '{account} tiene {spns}',
    explanation:
      'Los demás servidores Exchange necesitan un vale para SMTPSVC/<name> de este servidor; el SPN debe estar en su cuenta de equipo.',
  },
  'spn.missing': { title: 'A {server} le faltan estos SPN: {spns}', explanation: PRINCIPAL_UNKNOWN },
  'spn.wrong-account': {
    title: 'Los SPN de {server} están registrados en otra cuenta: {holders}',
    explanation:
      'El KDC cifra el vale con la clave de la cuenta que tenga el SPN. Si esa cuenta no es el servidor Exchange, el servidor no puede descifrarlo (KRB_AP_ERR_MODIFIED) y la autenticación falla.',
  },
  'spn.duplicate': {
    title: 'SPN duplicado: {holders}',
    explanation:
      'Con un SPN en dos cuentas, el KDC tiene que elegir una clave; los vales no se pueden descifrar en el servidor Exchange (KRB_AP_ERR_MODIFIED, evento 11 del KDC). Quite el SPN de la cuenta que no es el servidor Exchange.',
  },
  'spn.registered': {
    title: '{server} tiene {spns} en su propia cuenta',
    explanation:
      'Los SPN SMTP y SMTPSVC que Exchange necesita para este servidor están en su cuenta de equipo. La última columna de la tabla indica qué otras cuentas los tienen, donde se buscó.',
  },
  'spn.query-failed': {
    title: 'setspn -Q {spn} no dio respuesta',
    explanation: 'No se pudo saber si este SPN está registrado.',
  },
  'spn.forest-unreadable': {
    title: 'No se pudieron buscar SPN duplicados',
    explanation: '{what}; por eso no se comprobaron los duplicados ni los SPN en una cuenta equivocada.',
  },
  'spn.duplicate-other': {
    title: 'SPN duplicado: {holders}',
    explanation:
      'Un SPN duplicado rompe Kerberos para ese servicio; no afecta a la autenticación de Exchange salvo que el SPN sea SMTP o SMTPSVC.',
  },
  'spn.duplicates-incomplete': {
    title: 'setspn -X no terminó su búsqueda',
    explanation: 'Solo se buscaron SPN duplicados en una parte del directorio.',
  },
  'spn.no-duplicates': {
    title: 'No hay SPN duplicados en {scope}',
    explanation: 'Ningún SPN está registrado en más de una cuenta.',
  },
  'spn.forest-no-duplicates': {
    title: 'Ningún SPN está registrado dos veces ({count} SPN comprobados)',
    explanation:
      'Cada SPN del directorio examinado pertenece a una sola cuenta, tal como confirmaría setspn -X con "found 0 group of duplicate SPNs".',
  },
  'spn.forest-duplicates': {
    title: '{count} SPN están registrados en más de una cuenta',
    explanation:
      'Si dos cuentas tienen el mismo SPN, el KDC no sabe qué clave usar y los servicios de ese SPN fallan en la autenticación Kerberos. Deje cada SPN en la cuenta con la que se ejecuta el servicio y quítelo de las demás.',
  },
  'spn.forest-scan-failed': {
    title: 'La búsqueda de SPN duplicados en todo el bosque no terminó',
    explanation: 'No se pudo descartar que haya duplicados entre todos los SPN.',
  },
  'spn.registered-now': {
    title: '{spn} se registró en {account}',
    explanation: 'setspn respondió "Updated object".',
  },
  'spn.register-unconfirmed': {
    title: 'No se confirmó el registro de {spn}',
    explanation: 'setspn no mostró "Updated object".',
  },
  'spn.register-failed': {
    title: 'Error al registrar {spn}: {message}',
    explanation:
      'setspn notificó un error. Registrar un SPN requiere permiso de escritura en la cuenta de equipo (Admins. del dominio o un derecho delegado).',
  },
  'spn.fqdn-mismatch': {
    title: '{server}: dNSHostName {dnsHostName} no coincide con el FQDN que registró Exchange ({registered}); {state}',
    explanation: '{why}',
  },
  'spn.dns-unresolved': {
    title: '{name} no se resuelve en DNS',
    explanation:
      'Los demás servidores Exchange llegan a este servidor, y forman su SPN, con este nombre. Desde este equipo no tiene dirección; compruebe la zona DNS que usan los servidores Exchange.',
  },
  'spn.dns-reverse-mismatch': {
    title: '{address} se resuelve inversamente a {ptr}, no a {name}',
    explanation:
      'Los clientes Kerberos que canonicalizan nombres con DNS inverso pedirían un vale para el otro nombre, cuyo SPN puede no existir. Corrija el registro PTR o registre también los SPN para ese nombre.',
  },
  'spn.dns-ok': {
    title: '{name} se resuelve en {addresses}',
    explanation:
      'El nombre que usan los remitentes para este servidor se resuelve y, donde hay un registro PTR, apunta de vuelta a sí mismo.',
  },
  'spn.ticket-issued': {
    title: 'El KDC emite un vale para {spn}{kvno}',
    explanation:
      'Se emitió un vale de servicio para el SPN de Exchange a las credenciales de este equipo: el SPN corresponde a una sola cuenta con claves utilizables.',
  },
  'spn.ticket-failed': {
    title: 'No hay vale para {spn}: {error}',
    explanation: '{meaning}',
  },
  // Step 3, Kerberos keys and account state (issue 12)
  'spn.keys-agree': {
    title: '{account}: versión de clave {keyVersion} en {dcs}, {enctypes}',
    explanation:
      'Todos los controladores de dominio tienen la misma versión de clave para la cuenta, la cuenta está habilitada y comparte un tipo de cifrado con cada KDC.',
  },
  'spn.keys-unread': {
    title: 'No se pudieron leer las claves Kerberos de {account} en ningún controlador de dominio',
    explanation: 'Se preguntó por la cuenta a cada controlador de dominio; ninguno la devolvió.',
  },
  'spn.key-version-differs': {
    title: '{account} tiene la versión de clave {newest} en {ahead}, pero {older}; atrasados: {behind}',
    explanation:
      'La contraseña de equipo de {server} cambió en {ahead} y el cambio no ha llegado a {behind}. Allí un KDC sigue cifrando los vales para {server} con la clave antigua, que {server} ya no puede descifrar (KRB_AP_ERR_MODIFIED en {server}, 454 4.7.0 en el remitente). Fuerce la replicación y después haga que los remitentes descarten los vales que tienen en caché.',
  },
  'spn.account-disabled': {
    title: 'La cuenta {account} está deshabilitada (userAccountControl {uac})',
    explanation:
      'Una cuenta de equipo deshabilitada no puede iniciar sesión: {server} no tiene canal seguro ni puede participar en Kerberos con su propia identidad, así que la autenticación de Exchange Server hacia y desde él falla.',
  },
  'spn.des-only': {
    title: '{account} solo admite claves DES ({what})',
    explanation:
      'DES está desactivado de forma predeterminada en todas las versiones compatibles de Windows: ningún KDC emite un vale así.',
  },
  'spn.no-common-etype': {
    title: 'No hay ningún tipo de cifrado común entre {account} ({enctypes}) y el KDC de {kdcs}',
    explanation:
      'Un KDC emite un vale para {server} solo en un tipo que admitan tanto él como la cuenta; sin ninguno en común, la solicitud falla con KDC_ERR_ETYPE_NOSUPP y el controlador de dominio registra el evento 14, 16, 26 o 27 del KDC (Exchange: KdcUnknownEncryptionType).',
  },
  'spn.no-common-etype-pair': {
    title:
      'No hay ningún tipo de cifrado común entre el remitente {sendingAccount} ({sendingTypes}) y el receptor {account} ({enctypes})',
    explanation:
      'La clave de sesión de un vale de {sending} para {server} debe ser de un tipo que admitan ambos equipos; sin ninguno en común, el KDC rechaza el vale (KDC_ERR_ETYPE_NOSUPP) y {sending} registra el evento 14 de Kerberos o KdcUnknownEncryptionType de Exchange.',
  },
  'spn.rc4-only': {
    title: '{account} solo admite RC4 ({enctypes})',
    explanation:
      'Hoy los vales para {server} son RC4. Microsoft está quitando RC4 de los valores predeterminados de Kerberos (KB5073381: auditoría desde enero de 2026, aplicación desde abril de 2026, sin reversión desde julio de 2026); un controlador de dominio que deje de emitir RC4 dejará de emitir vales para {server}.',
  },
  'spn.enctypes-unset': {
    title: '{account} no tiene msDS-SupportedEncryptionTypes',
    explanation:
      'Los equipos Windows lo escriben al unirse al dominio. Sin él, cada KDC usa el valor predeterminado de su dominio: RC4 antes de la aplicación de abril de 2026 de Microsoft (KB5073381) y solo AES después, así que los vales cambian de tipo cuando se actualizan los controladores de dominio.',
  },
  'spn.password-old': {
    title: 'La contraseña de equipo de {server} se estableció por última vez hace {days} días ({when})',
    explanation:
      'Windows la cambia cada 30 días de forma predeterminada. Una más antigua indica que {server} no ha podido llegar a un controlador de dominio para cambiarla: un canal seguro roto, o un servidor restaurado o clonado a partir de una imagen antigua.',
  },
  'spn.aes-keys-missing': {
    title:
      'La contraseña de {account} se estableció por última vez el {when}, antes de que el dominio pudiera guardar claves AES ({since})',
    explanation:
      'Las claves AES se crean al establecer una contraseña en un dominio preparado para Windows Server 2008 o posterior; una cuenta con una contraseña anterior puede tener solo claves RC4, y los KDC que dejen de emitir RC4 (KB5073381) dejarán de emitir sus vales. Una nueva contraseña de equipo crea las claves AES (el evento 42 del KDC dice lo mismo para krbtgt y otras cuentas).',
  },
  'spn.logon-old': {
    title: '{account} inició sesión en el dominio por última vez hace {days} días ({when})',
    explanation:
      'lastLogonTimestamp se retrasa por diseño hasta 14 días, no meses. Un servidor que responde por SMTP pero no ha iniciado sesión en tanto tiempo es probablemente un equipo restaurado o clonado que usa otra identidad.',
  },
  'spn.duplicate-dnshostname': {
    title: '{fqdn} es el dNSHostName de {account} y también de {others}',
    explanation:
      'Dos cuentas de equipo reclaman el mismo host. Sea cual sea la que obtenga los SPN o el registro DNS, los vales y los nombres de {fqdn} pueden apuntar a la cuenta equivocada; normalmente la otra es un resto de una restauración, un cambio de nombre o una nueva unión al dominio.',
  },
};
