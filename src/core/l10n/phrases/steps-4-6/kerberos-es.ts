/** Spanish: what a Kerberos error means and why an event points at a step (keys of ./kerberos-en.ts). */
import type { EN_KERBEROS_PHRASES } from './kerberos-en';

export const ES_KERBEROS_PHRASES: Readonly<Record<keyof typeof EN_KERBEROS_PHRASES, string>> = {
  'fp.5.krb.KDC_ERR_NAME_EXP': 'La cuenta del cliente ha caducado.',
  'fp.5.krb.KDC_ERR_SERVICE_EXP': 'La cuenta del servicio ha caducado.',
  'fp.5.krb.KDC_ERR_BAD_PVNO': 'La solicitud usó una versión de Kerberos que el KDC no habla.',
  'fp.5.krb.KDC_ERR_C_OLD_MAST_KVNO': 'La clave del cliente se cifró con una clave maestra antigua.',
  'fp.5.krb.KDC_ERR_S_OLD_MAST_KVNO': 'La clave del servidor se cifró con una clave maestra antigua.',
  'fp.5.krb.KDC_ERR_C_PRINCIPAL_UNKNOWN':
    'El KDC no conoce la cuenta del cliente (eliminada, o aún no replicada en este controlador de dominio).',
  'fp.5.krb.KDC_ERR_S_PRINCIPAL_UNKNOWN':
    'Ninguna cuenta tiene el SPN solicitado, así que el KDC no puede emitir un vale para él.',
  'fp.5.krb.KDC_ERR_PRINCIPAL_NOT_UNIQUE': 'Más de una cuenta tiene el nombre o el SPN solicitado.',
  'fp.5.krb.KDC_ERR_NULL_KEY': 'La cuenta no tiene clave (no hay contraseña establecida).',
  'fp.5.krb.KDC_ERR_CANNOT_POSTDATE': 'El vale no se puede posfechar.',
  'fp.5.krb.KDC_ERR_NEVER_VALID': 'La hora de inicio solicitada es posterior a la de fin.',
  'fp.5.krb.KDC_ERR_POLICY':
    'Una directiva rechazó la solicitud (horas de inicio de sesión, restricciones de estación de trabajo, tarjeta inteligente).',
  'fp.5.krb.KDC_ERR_BADOPTION':
    'El KDC no puede atender una opción solicitada (a menudo, la configuración de delegación).',
  'fp.5.krb.KDC_ERR_ETYPE_NOSUPP': 'El cliente, el KDC y la cuenta de destino no comparten ningún tipo de cifrado.',
  'fp.5.krb.KDC_ERR_SUMTYPE_NOSUPP': 'El tipo de suma de comprobación no es compatible.',
  'fp.5.krb.KDC_ERR_PADATA_TYPE_NOSUPP':
    'El tipo de autenticación previa no es compatible (inicio de sesión con tarjeta inteligente sin configurar).',
  'fp.5.krb.KDC_ERR_TRTYPE_NOSUPP': 'La codificación de tránsito no es compatible.',
  'fp.5.krb.KDC_ERR_CLIENT_REVOKED': 'La cuenta del cliente está deshabilitada, bloqueada o caducada.',
  'fp.5.krb.KDC_ERR_SERVICE_REVOKED': 'La cuenta del servicio está deshabilitada o bloqueada.',
  'fp.5.krb.KDC_ERR_TGT_REVOKED': 'Se revocó el vale de concesión de vales.',
  'fp.5.krb.KDC_ERR_CLIENT_NOTYET': 'La cuenta del cliente aún no es válida.',
  'fp.5.krb.KDC_ERR_SERVICE_NOTYET': 'La cuenta del servicio aún no es válida.',
  'fp.5.krb.KDC_ERR_KEY_EXPIRED': 'La contraseña ha caducado y hay que cambiarla.',
  'fp.5.krb.KDC_ERR_PREAUTH_FAILED': 'La autenticación previa falló: normalmente, una contraseña incorrecta.',
  'fp.5.krb.KDC_ERR_SERVER_NOMATCH': 'El KDC no conoce el servidor solicitado.',
  'fp.5.krb.KDC_ERR_MUST_USE_USER2USER': 'El servidor no tiene clave; se requiere autenticación de usuario a usuario.',
  'fp.5.krb.KDC_ERR_PATH_NOT_ACCEPTED': 'El KDC rechazó la ruta de confianza.',
  'fp.5.krb.KDC_ERR_SVC_UNAVAILABLE': 'El servicio KDC no está disponible.',
  'fp.5.krb.KRB_AP_ERR_BAD_INTEGRITY':
    'Una suma de comprobación no coincidió: el vale o el mensaje se alteró o se descifró con una clave equivocada.',
  'fp.5.krb.KRB_AP_ERR_TKT_EXPIRED': 'El vale ha caducado.',
  'fp.5.krb.KRB_AP_ERR_TKT_NYV': 'El vale aún no es válido.',
  'fp.5.krb.KRB_AP_ERR_REPEAT': 'El servidor ya había visto este autenticador (una reproducción).',
  'fp.5.krb.KRB_AP_ERR_NOT_US': 'El vale no es para este servidor.',
  'fp.5.krb.KRB_AP_ERR_BADMATCH': 'El vale y el autenticador no corresponden.',
  'fp.5.krb.KRB_AP_ERR_SKEW':
    'Los relojes del cliente y del servidor difieren más de lo permitido (5 minutos de forma predeterminada).',
  'fp.5.krb.KRB_AP_ERR_BADADDR': 'La dirección de red del vale no coincide con la del remitente.',
  'fp.5.krb.KRB_AP_ERR_BADVERSION': 'La versión del protocolo no coincide.',
  'fp.5.krb.KRB_AP_ERR_MSG_TYPE': 'El tipo de mensaje no es el esperado.',
  'fp.5.krb.KRB_AP_ERR_MODIFIED':
    'El servidor no pudo descifrar el vale: el SPN está en otra cuenta, o la contraseña difiere entre el servidor y el KDC.',
  'fp.5.krb.KRB_AP_ERR_BADORDER': 'Un mensaje llegó fuera de orden.',
  'fp.5.krb.KRB_AP_ERR_BADKEYVER': 'El vale se cifró con una versión de clave que el servidor ya no tiene.',
  'fp.5.krb.KRB_AP_ERR_NOKEY': 'El servidor no tiene clave para el vale.',
  'fp.5.krb.KRB_AP_ERR_MUT_FAIL': 'La autenticación mutua falló.',
  'fp.5.krb.KRB_AP_ERR_BADDIRECTION': 'La dirección del mensaje es incorrecta.',
  'fp.5.krb.KRB_AP_ERR_METHOD': 'Se requiere otro método de autenticación.',
  'fp.5.krb.KRB_AP_ERR_BADSEQ': 'El número de secuencia es incorrecto.',
  'fp.5.krb.KRB_AP_ERR_INAPP_CKSUM': 'El tipo de suma de comprobación no corresponde al mensaje.',
  'fp.5.krb.KRB_AP_PATH_NOT_ACCEPTED': 'No se acepta la ruta deseada.',
  'fp.5.krb.KRB_ERR_RESPONSE_TOO_BIG': 'La respuesta no cabe en UDP; el cliente debe reintentar por TCP.',
  'fp.5.krb.KRB_ERR_GENERIC': 'Un error genérico; el evento o el error extendido dicen más.',
  'fp.5.krb.KRB_ERR_FIELD_TOOLONG': 'Un campo es demasiado largo para esta implementación.',
  'fp.5.krb.KDC_ERR_CLIENT_NOT_TRUSTED': 'El certificado del cliente no es de confianza (PKINIT).',
  'fp.5.krb.KDC_ERR_KDC_NOT_TRUSTED': 'El certificado del KDC no es de confianza (PKINIT).',
  'fp.5.krb.KDC_ERR_INVALID_SIG': 'Una firma PKINIT no es válida.',
  'fp.5.krb.KDC_ERR_KEY_TOO_WEAK': 'La clave es demasiado débil (PKINIT).',
  'fp.5.krb.KDC_ERR_CERTIFICATE_MISMATCH': 'El certificado no coincide (PKINIT).',
  'fp.5.krb.KRB_AP_ERR_NO_TGT': 'No hay vale de concesión de vales para la autenticación de usuario a usuario.',
  'fp.5.krb.KRB_AP_ERR_USER_TO_USER_REQUIRED': 'El servicio requiere autenticación de usuario a usuario.',

  'fp.5.why.account-not-replicated':
    'Una cuenta nueva o renombrada que un controlador de dominio aún no tiene apunta a la replicación.',
  'fp.5.why.spn-nowhere': 'El SPN SMTP/SMTPSVC que pidió el remitente no está registrado en ninguna cuenta.',
  'fp.5.why.spn-not-replicated':
    'Un SPN añadido en un controlador de dominio y aún no en el que respondió tiene el mismo aspecto.',
  'fp.5.why.spn-on-two': 'El mismo SPN en dos cuentas impide al KDC elegir una clave.',
  'fp.5.why.no-usable-key': 'La cuenta de destino no tiene ninguna clave utilizable.',
  'fp.5.why.times-nonsense': 'Las horas sin sentido suelen venir de un reloj muy desviado.',
  'fp.5.why.no-offered-etype':
    'A la cuenta le falta una clave de cualquiera de los tipos que ofrece el cliente (véase el evento 14 del KDC).',
  'fp.5.why.kdc-closed-port': 'Un KDC que no responde puede estar detrás de un puerto cerrado.',
  'fp.5.why.key-mismatch': 'El destino descifró el vale con una clave que no coincide con la del KDC.',
  'fp.5.why.clock-ahead': 'Un vale que caduca al instante sugiere un reloj muy adelantado en el servidor.',
  'fp.5.why.clock-behind': 'Un vale del futuro significa que el reloj del servidor va por detrás del KDC.',
  'fp.5.why.ticket-other-account': 'Llega un vale emitido para otra cuenta cuando el SPN está en la cuenta equivocada.',
  'fp.5.why.clocks-apart': 'Los relojes de los dos equipos están demasiado separados.',
  'fp.5.why.spn-other-account': 'El SPN pertenece a una cuenta distinta de aquella con la que se ejecuta el servicio.',
  'fp.5.why.password-not-replicated':
    'Una contraseña de equipo cambiada en un controlador de dominio y aún no en los demás da el mismo error.',
  'fp.5.why.old-key-version':
    'Una versión de clave anterior sugiere un controlador de dominio que no ha recibido la última contraseña.',
  'fp.5.why.key-changed': 'La clave del servicio cambió.',
  'fp.5.why.no-etype-key': 'El servicio no tiene clave para este tipo de cifrado.',
  'fp.5.why.tcp-88': 'Los vales grandes necesitan TCP 88; si TCP 88 está bloqueado, la autenticación falla.',
  'fp.5.why.detailed-log': 'Solo el registro detallado de Kerberos dice qué falló.',
  'fp.5.why.no-code': 'Un error de Kerberos sin código legible: lea el texto del evento.',
  'fp.5.why.cannot-decrypt': 'El destino no pudo descifrar su vale: su SPN está en otra cuenta o registrado dos veces.',
  'fp.5.why.password-change-pending':
    'Un cambio de contraseña que aún no está en todos los controladores de dominio da el mismo evento.',
  'fp.5.why.name-on-two': 'El KDC encontró el mismo nombre en más de una cuenta.',
  'fp.5.why.no-allowed-etype': 'La cuenta no tiene clave de ningún tipo de cifrado que permita la solicitud.',
  'fp.5.why.keys-unreadable': 'El KDC no pudo leer las claves de la cuenta.',
  'fp.5.why.receiver-logged':
    'El servidor receptor registró la autenticación de Exchange fallida; active allí el registro de Kerberos y lea el registro del sistema.',
  'fp.5.why.no-advice':
    'Un error de Kerberos para el que este producto no tiene un consejo concreto; lea el texto del evento.',
};
