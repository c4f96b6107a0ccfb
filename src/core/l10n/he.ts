/**
 * Hebrew catalogue (terms of KB 979174 in Hebrew, see docs/localisation.md); sentences are ours.
 * Codes, commands and host names stay in Latin script inside the sentences; the views lay the
 * text out right to left.
 */
import type { Catalogue } from './en';
import { joinTables } from './join-tables';
import { PHRASES_1_3, type Phrase1_3Key } from './phrases/steps-1-3';
import { PHRASES_4_6, type Phrase4_6Key } from './phrases/steps-4-6';
import { PLACE_VALUE_PHRASES, type PlaceValueKey } from './phrases/places-values';

const BASE: Omit<Catalogue, Phrase1_3Key | Phrase4_6Key | PlaceValueKey> = {
  'list.separator': ', ',
  'duration.ms': '{n} אלפיות שנייה',
  'duration.s': '{s} שניות',
  'duration.min': '{m} דקות {s} שניות',
  'duration.h': '{h} שעות {m} דקות {s} שניות',
  'steps.none': 'KB 979174',
  'steps.one': 'KB 979174 {first}',
  'steps.more': 'KB 979174 {first}, ואחר כך {rest}',
  'step.label': 'שלב {n} ({name})',
  'step.name.1': 'שעונים',
  'step.name.2': 'שכפול AD',
  'step.name.3': 'SPN',
  'step.name.4': 'יציאות Kerberos',
  'step.name.5': 'הרישום של Kerberos',
  'step.name.6': 'אימות מחבר הקבלה',
  'step.title.1': 'השעונים מתואמים בתוך הסבילות של Kerberos',
  'step.title.2': 'בקרי התחום משוכפלים',
  'step.title.3': 'שמות ה-SPN של SMTP ו-SMTPSVC רשומים פעם אחת, בחשבון הנכון',
  'step.title.4': 'יציאות Kerberos ויציאות התעבורה נגישות',
  'step.title.5': 'הרישום של Kerberos אינו מראה שגיאות',
  'step.title.6': 'מחברי הקבלה מקבלים אימות Exchange Server',

  'between.both': ' מ-{sending} אל {receiving}',
  'between.from': ' מ-{sending}',
  'between.to': ' אל {receiving}',
  'detail.list': ' ({items})',
  'detail.error': 'שגיאה {value}',
  'detail.connector': 'מחבר {value}',
  'detail.mechanism': 'מנגנון {value}',
  'detail.source': 'מקור {value}',
  'detail.target': 'יעד {value}',

  'ev.auth-temporary-failure':
    '454 4.7.0 כשל אימות זמני{between}: אימות Exchange Server (Kerberos) בין השרתים נכשל. בדוק את {steps}.',
  'ev.auth-failure-relayed':
    '451 4.4.0 ... 454 4.7.0: הקפיצה הבאה{hop} דחתה את אימות Exchange Server (Kerberos) והתור מנסה שוב. בדוק את {steps}.',
  'ev.x-anonymoustls-failed':
    '454 4.7.0 בתשובה ל-{command}{between}: השרת המקבל לא הצליח להתחיל TLS, ולכן אימות Exchange Server לא יכול להמשיך. בדוק את האישור ואת האימות של מחבר הקבלה ({steps}).',
  'ev.x-exps-failed.kerberos':
    '454 4.7.0 כשל אימות זמני בתשובה ל-{command}{between}: הכניסה ב-Kerberos בין שרתי Exchange נכשלה. בדוק את {steps}.',
  'ev.x-exps-failed.exchange':
    '454 4.7.0 כשל אימות זמני בתשובה ל-{command}{between}: אימות Exchange Server נכשל. בדוק את {steps}.',
  'ev.exchange-auth-unavailable':
    '451 5.7.3 Cannot achieve Exchange Server authentication{between}: מחבר הקבלה לא הציע אימות Exchange Server (אין X-ANONYMOUSTLS / X-EXPS). בדוק את {steps}.',
  'ev.unexpected-exchange-auth-blob':
    'UnexpectedExchangeAuthBlob{between}: חילופי האימות של Exchange אחרי X-ANONYMOUSTLS לא היו מה שהשרת ציפה לו (אימות המחבר או האישור). בדוק את {steps}.',
  'ev.tls-failed':
    'משא ומתן TLS נכשל{error}{between}: בלי TLS אין אימות Exchange Server; בדוק את האישור המשויך ל-FQDN של המחבר (אירוע 12014). בדוק את {steps}.',
  'ev.event-1035':
    'אירוע 1035, אימות נכנס נכשל{detail}: הפעל את הרישום של Kerberos בשרת המקבל הזה וקרא את יומן אירועי המערכת. בדוק את {steps}.',
  'ev.event-2017': 'אירוע 2017, אימות יוצא נכשל{detail}{between}: {cause}. בדוק את {steps}.',
  'ev.outbound-auth-failed': 'אימות יוצא נכשל עם {error}{between}: {cause}. בדוק את {steps}.',
  'ev.inbound-auth-failed': 'אימות נכנס נכשל בגלל {error}{between}: {cause}. בדוק את {steps}.',
  'ev.kerberos-event': 'אירוע {event} של {provider}{name}: יומן אירועי המערכת מראה כשל Kerberos. בדוק את {steps}.',
  'ev.kerberos-skew': 'KRB_AP_ERR_SKEW: השעונים של שני המחשבים שונים ביותר מהסבילות של Kerberos. בדוק את {steps}.',
  'ev.kerberos-modified':
    'KRB_AP_ERR_MODIFIED: הכרטיס הוצפן עבור חשבון אחר, בדרך כלל בגלל SPN של SMTP/SMTPSVC כפול או שמוקם בחשבון הלא נכון. בדוק את {steps}.',
  'ev.kerberos-error': '{name}: נרשמה שגיאת Kerberos. בדוק את {steps}.',
  'ev.command-refused': '{command} נדחה עם "{reply}"{between}: אימות Exchange Server לא הושלם. בדוק את {steps}.',
  'ev.no-exchange-auth-offered':
    'שרת Exchange {host} לא הציע במחבר הזה לא X-ANONYMOUSTLS ולא X-EXPS: הוא אינו מקבל כאן אימות Exchange Server. בדוק את {steps}.',
  'ev.banner-skew':
    'הבאנר של {host} מראה שעון שונה ב-{delay} מזה של השרת הזה (התאריך והשעה של השורה){beyond}. בדוק את {steps}.',
  'ev.hop-skew':
    'קפיצה {hop} ({b}) מוחתמת {delay} אחרי קפיצה {prev} ({a}): הזמן חזר אחורה, ולכן השעונים של {a} ושל {b} שונים לפחות ב-{skew}{beyond}. בדוק את {steps}.',
  'ev.beyond-tolerance': ', יותר מהסבילות של Kerberos של {minutes} דקות',
  'ev.malformed-record': 'זו אינה רשומה של יומן פרוטוקול: {got} מתוך {want} שדות.',
  'ev.long-line': 'שורה {line} באורך {length} תווים; נותחו רק {max} התווים הראשונים.',
  'ev.analysis-failed': 'לא ניתן היה לנתח את הקובץ: {reason}',
  'ev.too-large': 'המסמך גדול מ-{mb} MB ואינו מנותח בעורך; השתמש ב-"Scan log folder" על התיקייה שלו.',
  'ev.correlated': '{sending} אל {receiving}: {count} ראיות לאותו כשל ({sources}), קודם שלב {step}: {cause}.',

  'cause.IllegalMessage': 'חילופי Kerberos נדחו; יומן אירועי המערכת מסביר למה',
  'cause.LogonDenied': 'הכניסה נדחתה: SPN שגוי או חסר, מפתח ישן או יחסי אמון פגומים',
  'cause.KdcUnknownEncryptionType': 'לבקר התחום ולחשבונות אין סוג הצפנה משותף (המפתחות של חשבון המחשב)',
  'cause.UnexpectedExchangeAuthBlob': 'נתוני האימות של Exchange לא היו מה שהשרת המקבל ציפה לו',
  'cause.TimeSkew': 'השעונים שונים ביותר מהסבילות של Kerberos',
  'cause.TargetUnknown': 'בקר התחום אינו מכיר את ה-SPN של היעד',
  'cause.WrongPrincipal': 'הכרטיס היה עבור חשבון אחר (SPN כפול או בחשבון הלא נכון)',
  'cause.MessageAltered': 'לא ניתן היה לפענח את הכרטיס (SPN כפול או מפתח ישן)',
  'cause.NoAuthenticatingAuthority': 'לא היה אפשר להגיע לאף בקר תחום עבור Kerberos',
  'cause.InvalidToken': 'אסימון האימות לא היה חוקי',
  'cause.default': 'האימות בין השרתים נכשל',

  'hover.enhanced-code': '**{code}** קוד מצב מורחב',
  'hover.vendor-code': 'קוד פירוט שאינו ברישום של IANA (ספציפי ליצרן).',
  'hover.with-reply-codes': ' (עם קודי התשובה {codes})',
  'hover.iana-source':
    '_מקור: הרישום "SMTP Enhanced Status Codes" של IANA, הועתק ב-{date}; התיאורים באנגלית כפי שנרשמו._',
  'hover.reply': '**{code}** תשובת SMTP ({kind})',
  'hover.reply.2': 'הצלחה',
  'hover.reply.3': 'ביניים',
  'hover.reply.4': 'כשל זמני: השולח ינסה שוב',
  'hover.reply.5': 'כשל קבוע',
  'hover.port': 'יציאה {port}: {what}.',
  'port.25': 'תעבורת Front End (המחבר Default Frontend), או שרת Edge/SMTP',
  'port.2525': 'שירות התעבורה בשרת תיבות דואר (המחבר Default; תעבורה בין שרתים)',
  'port.465': 'המחבר Client Proxy (תעבורת Front End מעבירה לקוחות מאומתים)',
  'port.475': 'שירות המסירה של תעבורת תיבות הדואר',
  'port.587': 'המחבר Client Frontend (לקוחות מאומתים)',
  'port.717': 'המחבר Outbound Proxy Frontend',

  // Field descriptions of the protocol and tracking log hovers.
  'field.p.date-time': 'מתי האירוע נרשם, ב-UTC (ISO 8601). השווה עם היומן של השרת השני ב-UTC, לא בשעה המקומית.',
  'field.p.connector-id':
    'המחבר שטיפל בהפעלה. ביומן קבלה: `<שרת>\\<שם מחבר הקבלה>` (למשל `EX02\\Default EX02`). ביומן שליחה: מחבר השליחה או המחבר המובלע של הארגון.',
  'field.p.session-id': 'מזהה דמוי GUID המשותף לכל השורות של הפעלת SMTP אחת. המתאר מקבץ את השורות לפיו.',
  'field.p.sequence-number': 'סדר האירוע בתוך ההפעלה, החל מ-0.',
  'field.p.local-endpoint':
    'כתובת ה-IP והיציאה של השרת הזה. היציאה מציינת את השירות: 25 תעבורת Front End, 2525 תעבורה בשרת תיבות דואר, 465 Client Proxy, 587 Client Frontend, 717 Outbound Proxy Frontend.',
  'field.p.remote-endpoint': 'כתובת ה-IP והיציאה של השרת השני. ביומן קבלה זה השרת השולח; ביומן שליחה, השרת המקבל.',
  'field.p.event': 'מה קרה: `+` התחברות, `-` ניתוק, `>` נשלח מהשרת הזה, `<` התקבל מהצד השני, `*` מידע ש-Exchange רשם.',
  'field.p.data': 'פקודת SMTP, התשובה או טקסט המידע. נתוני אימות נרשמים כ-`<authentication response>`, לא התוכן שלהם.',
  'field.p.context': 'הקשר נוסף לשורות `*` (למשל האישור או תוצאת האימות).',
  'field.e.connect': 'התחברות: ההפעלה מתחילה.',
  'field.e.disconnect': 'ניתוק: ההפעלה מסתיימת.',
  'field.e.sent': 'נשלח מהשרת שכתב את היומן הזה.',
  'field.e.received': 'התקבל מהצד השני.',
  'field.e.info': 'מידע ש-Exchange רשם (TLS, אימות, אישורים).',
  'field.t.date-time': 'מתי האירוע נרשם, ב-UTC.',
  'field.t.client-ip':
    'הכתובת של השרת או הלקוח שמסר את ההודעה בשלב הזה (ב-SEND/DEFER/FAIL של SMTP: השרת שכתב את היומן).',
  'field.t.client-hostname': 'השם של הצד השולח בשלב הזה.',
  'field.t.server-ip': 'הכתובת של הצד המקבל בשלב הזה (ב-SEND/DEFER/FAIL של SMTP: הקפיצה הבאה).',
  'field.t.server-hostname': 'השם של הצד המקבל בשלב הזה.',
  'field.t.source-context': 'מידע נוסף על המקור (מחבר, הפעלה או סוכן).',
  'field.t.connector-id': 'המחבר ששימש בשלב הזה.',
  'field.t.source': 'הרכיב שרשם את האירוע: SMTP, STOREDRIVER, AGENT, ROUTING, DSN...',
  'field.t.event-id':
    'RECEIVE, SEND, DELIVER, DEFER (ניסיון חוזר מאוחר יותר), FAIL (NDR), EXPAND, RESOLVE, REDIRECT...',
  'field.t.internal-message-id': 'מזהה ההודעה במסד הנתונים של התורים בשרת הזה.',
  'field.t.message-id': 'הכותרת Message-ID; זהה בכל שרת שההודעה עברה בו.',
  'field.t.network-message-id': 'מזהה ש-Exchange שומר לכל העותקים של ההודעה בארגון.',
  'field.t.recipient-address': 'הנמענים שהאירוע נוגע להם.',
  'field.t.recipient-status': 'מצב לכל נמען: ב-DEFER וב-FAIL, תשובת ה-SMTP (למשל `451 4.4.0 ... 454 4.7.0 ...`).',
  'field.t.total-bytes': 'גודל ההודעה בבתים.',
  'field.t.recipient-count': 'מספר הנמענים.',
  'field.t.message-subject': 'הנושא (ייתכן שההגדרה MessageTrackingLogSubjectLoggingEnabled מסתירה אותו).',
  'field.t.sender-address': 'השולח במעטפה.',
  'field.t.directionality': 'Incoming, Originating או Undefined.',

  'cli.step-header': 'שלב {step}: {title}',
  'cli.why-unknown': 'למה לא ידוע: {reason}',
  'cli.changes-server': 'משנה את השרת',
  'cli.read-only': 'קריאה בלבד',
  'cli.remedy': '{summary} ({effect}; ב-{host}):',
  'cli.verdict': 'פסק דין: {overall} ({error} שגיאה, {warning} אזהרה, {unknown} לא ידוע, {ok} תקין; {findings} ממצאים)',
  'cli.cause': 'שלב {step}: {summary}',
  'severity.error': 'שגיאה',
  'severity.warning': 'אזהרה',
  'severity.unknown': 'לא ידוע',
  'severity.ok': 'תקין',
};

export const HE: Catalogue = joinTables(BASE, PHRASES_1_3['he'], PHRASES_4_6['he'], PLACE_VALUE_PHRASES['he']);
