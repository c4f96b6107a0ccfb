/**
 * Hebrew wording of the finding codes of steps 4 to 6 (ports, Kerberos logging, Receive
 * connectors), keyed by code, with the English templates' placeholders. Terms follow KB 979174 in
 * Hebrew (מחבר קבלה, אימות Exchange Server, הרישום של Kerberos, יומן אירועי המערכת, יציאות);
 * the sentences are ours. Assembled with steps 1 to 3 in ./he.ts.
 */
import type { FindingTranslations } from './types';

const CERT_EXPLANATION =
  'בין שרתי Exchange האישור רק מצפין את הפעלת X-ANONYMOUSTLS; השולח אינו מאמת אותו והאימות הוא Kerberos, ולכן הדואר ממשיך לזרום. זוהי אזהרה: חדש אותו (New-ExchangeCertificate, ואז Enable-ExchangeCertificate -Services SMTP) לפני שמשהו שכן מאמת אותו ייכשל, כמו מינוי Edge או שותף שמשתמש ב-TLS.';
const LINK_LOCAL_EXPLANATION =
  'השרת מאזין ב-IPv6 ומקבל שולחי IPv6, אבל אף טווח כתובות IP מרוחקות אינו כולל את fe80::/10. שרת באותו קישור שמגיע אליו דרך IPv6 מתחבר מכתובת ה-link-local שלו ונדחה עוד לפני שהוא יכול לבצע אימות; הדואר שלו נשאר בתור. הוסף את fe80::/10 לטווחים של המחבר שמקבל את שרתי Exchange האחרים (תוך שמירה על שאר הטווחים שלו), או תן למחבר הזה את ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff כפי שעושה תוכנית ההתקנה.';
const SELECTION_RULE =
  'Exchange מעביר חיבור למחבר המופעל שמאוגד ליציאה ושטווחי כתובות ה-IP המרוחקות שלו מכילים את השולח בצורה המדויקת ביותר.';

export const HE_STEPS_4_TO_6: FindingTranslations = {
  // Step 4: ports
  'port.kdc-stopped': {
    title: '{name}: השירות מרכז הפצת המפתחות של Kerberos (KDC) אינו פועל (LDAP עונה; {kerberosStates})',
    explanation:
      'בקר התחום הזה עונה ב-LDAP, כלומר הוא פועל ונגיש, אבל מסרב ל-Kerberos: אף תהליך אינו מאזין ביציאה 88, כלומר השירות מרכז הפצת המפתחות של Kerberos (Kdc) עצר או לא הצליח לעלות. שרתי Exchange שמבקשים כרטיסים מבקר התחום הזה נכשלים או ממתינים, ואימות Exchange Server נכשל עם 454 4.7.0. בבקר התחום, בדוק את השירות ואת אירועי ה-KDC ביומן המערכת בעזרת השורות שלהלן; Kdc צריך לפעול ולהתחיל אוטומטית, והאירועים מסבירים מדוע עצר.',
  },
  'port.kdc-silent': {
    title: '{name}: {failures}',
    explanation:
      'יציאה 88 מקבלת חיבורים, אבל ה-KDC אף פעם אינו עונה לבקשת Kerberos: שירות ה-KDC תקוע או עמוס, או שמשהו אחר תופס את היציאה. חיבור TCP לבדו היה מציג את היציאה הזו כפתוחה. בקשות לכרטיסים מבקר התחום הזה ממתינות עד לפסק זמן, ואימות Exchange Server נכשל עם 454 4.7.0. בדוק את בקר התחום: השירות Kdc, האירועים שלו ביומן המערכת והעומס על lsass.exe.',
  },
  'port.kerberos-blocked': {
    title: '{name}: {failures}',
    explanation:
      'שרתי Exchange מקבלים כרטיסי Kerberos מבקרי התחום ביציאה 88 (קודם UDP, ו-TCP לכרטיסים גדולים) וב-464. כשאי אפשר להגיע לבקר תחום דרכן, בקשות לכרטיסים נכשלות או ממתינות לפסק זמן, ואימות Exchange Server נכשל עם 454 4.7.0. הבדיקה נעשתה מהמחשב הזה; אשר אותה משרתי Exchange בעזרת השורות שלהלן.',
  },
  'port.transport-blocked': {
    title: '{name}: {failures}',
    explanation:
      'שרתי Exchange אחרים מוסרים דואר לשרת הזה דרך היציאות האלה. כשהם אינם מגיעים אליהן, הדואר נשאר בתור בצד השולח. הבדיקה נעשתה מהמחשב הזה; אשר אותה משרתי Exchange האחרים בעזרת השורות שלהלן.',
  },
  'port.blocked': {
    title: '{name}: {failures}',
    explanation:
      'Exchange זקוק ליציאות האלה גם לחיפושים במדריך ולניהול. Kerberos עצמו אינו משתמש בהן, אבל יציאה חסומה גורמת לכשלים אחרים. אשר זאת משרתי Exchange בעזרת השורות שלהלן.',
  },
  'port.open': {
    title: '{name} עונה ב-{openPorts}{closedOptional}{notTested}',
    explanation: 'כל יציאה שחשובה ענתה מהמחשב הזה. הנתיב שחשוב מתחיל בשרתי Exchange; השורות שלהלן בודקות אותו שם.',
  },
  'port.host-silent': {
    title: '{name} ({host}) לא ענה באף אחת מהיציאות שלו',
    explanation:
      'אף יציאה לא ענתה בתוך פסק הזמן של הבדיקה: המארח כבוי, הכתובת שלו שגויה, או שחומת אש משליכה כל דבר שמגיע מהמחשב הזה. אי אפשר לומר דבר על יציאות בודדות.',
  },
  'port.unresolved': {
    title: 'לא ניתן לפענח את {name} ({host})',
    explanation: 'השם אינו מפוענח מהמחשב הזה, ולכן לא ניתן היה לבדוק אף יציאה.',
  },
  'port.not-tested': {
    title: 'אין בדיקת TCP עבור {host}',
    explanation: 'Test-NetConnection הופעל ללא -Port.',
  },
  // Step 4, a KDC in each server's site (issue 12)
  'port.kdc-site-ok': {
    title: 'KDC באתר {site} של {server} עונה ({kdcs})',
    explanation: '{server} יכול לקבל כרטיסים מ-KDC באתר שלו.',
  },
  'port.kdc-site-none': {
    title: 'אין בקר תחום באתר {site} של {server}',
    explanation: '{server} חייב להגיע ל-KDC באתר אחר דרך קישורי האתרים; Exchange מצפה לבקר תחום ולקטלוג כללי באתר שלו.',
  },
  'port.kdc-site-unreachable': {
    title: 'אף KDC באתר {site} של {server} אינו עונה ביציאה 88 ({kdcs})',
    explanation:
      '{server} מבקש כרטיסים קודם כול מה-KDC באתר שלו. כשאף אחד אינו עונה, הוא ממתין לפסק הזמן של כל אחד לפני שהוא מנסה אתרים אחרים, או נכשל: אימות Exchange Server אל {server} וממנו מפסיק לעבוד.',
  },
  'port.kdc-tcp-blocked': {
    title: '{kdcs} באתר {site} של {server}: Kerberos עונה ב-UDP 88 אך לא ב-TCP 88',
    explanation:
      'תשובות Kerberos קטנות נכנסות בדאטגרם אחד; תשובה גדולה יותר (PAC גדול, הרבה קבוצות) חוזרת כ-KRB_ERR_RESPONSE_TOO_BIG, והלקוח מנסה שוב דרך TCP 88, שנכשל כאן.',
  },
  // Step 4, the SMTP path (issue 13)
  'smtp.path-clean': {
    title: '{where} עונה כפי שהמחבר של {server} אמור לענות: שום דבר בנתיב אינו משכתב SMTP',
    explanation: 'הבאנר נוקב בשם השרת, וכל מילת מפתח שהמחבר שלו מציע הגיעה ללא שינוי.',
  },
  'smtp.inspected': {
    title: 'משהו בנתיב אל {where} בודק את תעבורת ה-SMTP: {signs}',
    explanation:
      'באנר מוסתר או מילות מפתח של EHLO שנדרסו בתווי X הם מה שעושה חומת אש עם בדיקת SMTP (ESMTP). שרתי Exchange צריכים ש-X-ANONYMOUSTLS, X-EXPS ו-GSSAPI יעברו ביניהם ללא שינוי (KB 979175); דרך התקן כזה הם אינם יכולים להתחיל TLS או לבצע אימות, והדואר נשאר בתור עם 454 4.7.0 או 451 5.7.3. כבה את בדיקת ה-SMTP עבור התעבורה בין שרתי Exchange, או אפשר לפקודות האלה לעבור.',
  },
  'smtp.keywords-differ': {
    title: '{where} אינו מציע את מה שהמחבר של {server} אמור להציע: {missing}',
    explanation:
      'לא כל מילות המפתח שלפי המדריך המחבר הזה מציע הגיעו, או שהבאנר נוקב בשם של מארח אחר. באנר מותאם אישית או שינוי במחבר שהשרת עדיין לא טען נראים בדיוק כמו התקן שמסיר מילות מפתח; השווה ל-EHLO מהשרת השולח עצמו.',
  },

  // Step 5: Kerberos logging
  'kerberos-log.unreadable': {
    title: 'לא ניתן היה לקרוא מרחוק את יומני האירועים של {server}',
    explanation:
      'קריאת LogLevel ויומני האירועים דורשת ניהול מרחוק של PowerShell (WinRM) אל השרת והרשאות ניהול בו. הפעל במקום זאת את השורות שלהלן בשרת עצמו.',
  },
  'kerberos-log.needs-windows': {
    title: 'יש לבדוק את הרישום של Kerberos ב-{server} מתוך Windows',
    explanation:
      'שגיאות Kerberos נכתבות ליומן המערכת רק כל עוד LogLevel הוא 1. הפעל אותו בשרת שרושם את אירוע 1035, שחזר את הכשל (או המתן לניסיון החוזר הבא), קרא את האירועים וכבה אותו שוב.',
  },
  'kerberos-log.event': {
    title: '{server} רשם {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.exchange-auth-failed': {
    title: '{server} רשם {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.clean': {
    title: 'אין שגיאות Kerberos ביומן המערכת של {server}',
    explanation:
      'לא נמצא אירוע שגיאה של לקוח Kerberos או של KDC בפרק הזמן שנקרא. שגיאות Kerberos בצד הלקוח נכתבות לשם רק כל עוד LogLevel הוא 1 (הראיות מציגות זאת כשהערך נקרא); כבה את הרישום שוב כשתסיים.',
  },
  'kerberos-log.off': {
    title: 'הרישום של Kerberos כבוי ב-{server}, ולכן יומן המערכת שלו אינו יכול להציג שגיאות Kerberos',
    explanation:
      'לא נמצאו אירועי Kerberos או 1035, אבל כש-LogLevel אינו מוגדר, Windows אינו רושם שגיאות Kerberos בצד הלקוח. הפעל את הרישום, תן לניסיון המסירה הבא להיכשל, ובדוק שוב.',
  },
  'kerberos-log.enabled': {
    title: 'הרישום של Kerberos הופעל',
    explanation: 'LogLevel = 1 נכנס לתוקף מיד; שגיאות Kerberos נכתבות כעת ליומן המערכת. כבה אותו כשהאירועים נאספו.',
  },
  'kerberos-log.disabled': {
    title: 'הרישום של Kerberos כובה',
    explanation: 'LogLevel הוסר.',
  },
  'kerberos-log.change-failed': {
    title: 'הפעולה "{action}" על הרישום של Kerberos לא הצליחה',
    explanation: 'ערך הרישום LogLevel לא שונה; הפלט של הפקודה מסביר מדוע.',
  },

  // Step 6: Receive connectors
  'connector.exchange-auth': {
    title: '{connector} מקבל אימות Exchange Server',
    explanation:
      'למחבר יש את המנגנון ExchangeServer, ולכן שרתי Exchange האחרים שהוא מקבל מהם דואר יכולים לבצע אימות עם Kerberos.',
  },
  'connector.no-exchange-auth': {
    title: '{connector} אינו מציע אימות Exchange Server',
    explanation:
      'מחבר שמקבל דואר משרתי Exchange אחרים זקוק למנגנון ExchangeServer: בלעדיו הוא אינו מציע X-ANONYMOUSTLS או אימות Exchange, ולכן השרתים האלה אינם יכולים לבצע אימות והדואר שלהם נשאר בתור עם 454 4.7.0.',
  },
  'connector.relay-captures-exchange': {
    title: '{connector} לוכד את הדואר מ-{senders} אבל חסר לו אימות Exchange Server',
    explanation:
      'טווחי כתובות ה-IP המרוחקות של המחבר הזה מכילים את הכתובות של שרתי Exchange האחרים בצורה מדויקת יותר מהמחבר המוגדר כברירת מחדל, ולכן Exchange מעביר אליו את החיבורים שלהם. בלי המנגנון ExchangeServer הוא אינו מציע X-ANONYMOUSTLS, והשולחים נכשלים עם 454 4.7.0. צמצם את הטווחים שלו או הוסף אימות Exchange Server.',
  },
  'connector.none-internal': {
    title: 'אף מחבר קבלה מופעל של {server} אינו מאזין ביציאה 2525 או 25',
    explanation:
      'שרתי Exchange אחרים מוסרים ליציאת התעבורה של תעבורת הרכזת (2525) או ליציאה 25; בלי מחבר מופעל שם, הם אינם יכולים למסור כלל.',
  },
  'connector.sender-not-covered': {
    title: 'אף מחבר מופעל של {server} ביציאה {port} אינו מקבל את {senders}',
    explanation:
      'טווחי כתובות ה-IP המרוחקות של המחברים ביציאה הזו אינם כוללים את שרתי Exchange האלה, ולכן החיבורים שלהם נדחים לפני האימות.',
  },
  'connector.none-read': {
    title: 'לא נקראו מחברי קבלה עבור {server}',
    explanation: 'חשבון הקישור אינו יכול לקרוא אותם, או שהגילוי נכשל עבור השרת הזה.',
  },
  'connector.none': {
    title: 'לא הוצג אף מחבר קבלה',
    explanation: 'Get-ReceiveConnector לא החזיר דבר.',
  },
  'connector.sender-unresolved': {
    title: 'לא ידוע איזה מחבר של {server} מקבל דואר מ-{sender}',
    explanation:
      'הכתובת של השרת השולח נחוצה כדי לראות איזה טווח כתובות IP מרוחקות, ולכן איזה מחבר, מקבל את החיבורים שלו.',
  },
  'connector.probe-failed': {
    title: '{endpoint} לא ענה ל-EHLO',
    explanation:
      'לא ניתן היה לראות מהמחשב הזה מה המחבר מציע בפועל ברשת; התצוגה מהמדריך שלמעלה עדיין תקפה. שלב 4 מראה אם היציאה נגישה.',
  },
  'connector.wire-agrees': {
    title: '{endpoint} {offers} X-ANONYMOUSTLS, כפי ש-{connector} מוגדר',
    explanation: 'מה שהמחבר מציע ברשת תואם את ה-AuthMechanism שלו במדריך.',
  },
  'connector.wire-lacks-anonymoustls': {
    title: 'ל-{connector} יש אימות Exchange Server ב-AD, אבל {endpoint} אינו מציע X-ANONYMOUSTLS',
    explanation:
      'Exchange מציע X-ANONYMOUSTLS רק כשהמחבר יכול לבצע אימות Exchange Server, מה שדורש גם אישור תקף עבור ה-FQDN של המחבר (אירוע 12014 כשאין כזה). בלי זה, שרתים אחרים נכשלים עם 454 4.7.0 או 451 5.7.3. שינוי במדריך שעדיין לא הגיע לשרת הזה נראה בדיוק אותו דבר.',
  },
  'connector.wire-offers-anonymoustls': {
    title: '{endpoint} מציע X-ANONYMOUSTLS למרות שאין ל-{connector} אימות Exchange Server ב-AD',
    explanation:
      'הרשת והמדריך אינם מסכימים: ייתכן שמחבר אחר עונה למחשב הזה, או שהשרת עדיין לא קרא שינוי במדריך (הוא טוען מחדש את המחברים מדי פעם).',
  },
  // Step 6, TLS and connector selection on the wire (issue 13)
  'tls.handshake': {
    title: '{where}: {verb} ואחריו {protocol}; X-EXPS בתוך TLS: {mechanisms}',
    explanation: 'TLS מתחיל כפי ששרת Exchange שולח מתחיל אותו, ומילות המפתח בתוך TLS הן אלה שהמדריך מורה עליהן.',
  },
  'tls.session-stalled': {
    title: 'הפעלת ה-SMTP מול {where} נעצרה בשלב {stage}',
    explanation:
      'המקבל (או משהו בנתיב) הפסיק לענות או סירב באמצע ההפעלה, ולכן לא ניתן היה לראות אם TLS ואימות Exchange עובדים ביציאה הזו.',
  },
  'tls.not-offered': {
    title: '{where} אינו מציע X-ANONYMOUSTLS וגם לא STARTTLS, למרות ש-{connector} אמור להציע',
    explanation:
      'שרת Exchange שולח מתחיל TLS (X-ANONYMOUSTLS) לפני שהוא מבצע אימות עם Kerberos; בלי TLS הוא אינו יכול לבצע אימות והדואר שלו נשאר בתור. Exchange משמיט את X-ANONYMOUSTLS כשלמחבר אין אימות Exchange Server או כשלא נמצא אישור שמיש (אירוע 12014).',
  },
  'tls.upgrade-refused': {
    title: '{where} מציע {verb} אבל מסרב לו: {reply}',
    explanation:
      'המקבל מכריז על TLS ואז מסרב להתחיל אותו. Exchange עונה כך כשהמחבר אינו יכול לטעון אישור שמיש עבור ה-FQDN שלו (אירוע 12014 במקבל); השרת השולח אינו יכול להתחיל TLS, ולכן אינו יכול לבצע אימות והדואר שלו נשאר בתור. חפש את אירוע 12014 ובדוק את האישורים עם Get-ExchangeCertificate במקבל.',
  },
  'tls.version-mismatch': {
    title: 'אין גרסת TLS משותפת עם {where}: הצד הזה הציע {offered}, {server} מדבר {receiverSpeaks}',
    explanation:
      'אחרי {verb} שני הצדדים לא מצאו גרסת פרוטוקול ששניהם מתירים. שרתי Exchange מנהלים משא ומתן על TLS דרך SChannel; כשבשרת אחד TLS 1.2 מושבת (או שמופעל רק TLS 1.2 ומעלה בזמן שהשני מריץ עדיין רק TLS 1.0/1.1), X-ANONYMOUSTLS נכשל ואימות Exchange אף פעם אינו מתחיל. הפעל TLS 1.2 בשני השרתים (מפתחות הרישום של SChannel Protocols ו-SchUseStrongCrypto של .NET), ואז הפעל מחדש את שירות התעבורה.',
  },
  'tls.handshake-failed': {
    title: 'לחיצת היד של TLS מול {where} אחרי {verb} נכשלה',
    explanation: 'המקבל הסכים להתחיל TLS אבל לחיצת היד לא הושלמה; הסיבה שהפלטפורמה מסרה מסבירה מדוע.',
  },
  'tls.exps-missing': {
    title: '{where} אינו מציע X-EXPS בתוך TLS, למרות שלמחבר {connector} יש אימות Exchange או אימות משולב',
    explanation:
      'אחרי X-ANONYMOUSTLS שרת Exchange שולח מבצע אימות עם X-EXPS (GSSAPI, EXCHANGEAUTH). בלעדיו אין לו במה לבצע אימות, והשולח מדווח על 454 4.7.0 או 451 5.7.3.',
  },
  'tls.certificate-expired': {
    title: 'אישור התעבורה ש-{server} מציג ב-{where}: {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.certificate-name': {
    title: 'אישור התעבורה ש-{server} מציג ב-{where} אינו עבור {fqdn}: {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.not-judged-inspected': {
    title: 'אי אפשר להעריך את TLS ב-{where}: משהו בנתיב משכתב SMTP',
    explanation: 'הבאנר או מילות המפתח של EHLO מגיעים מוסתרים, ולכן מה שהמקבל עצמו מציע מוסתר. שלב 4 מפרט את הסימנים.',
  },
  'connector.selection': {
    title: 'כל שולח מגיע למחבר של {server} עם אימות Exchange Server',
    explanation: `${SELECTION_RULE} הטבלה מציינת, עבור כל כתובת ששולח עשוי להתחבר ממנה, את המחבר שזוכה ומדוע האחרים הפסידו. המחבר הזוכה זקוק לאימות Exchange Server (עם TLS) ולקבוצת ההרשאות ExchangeServers.`,
  },
  'connector.selection-lacks-auth': {
    title: '{senders} מגיעים אל {connectors} ב-{server}, ללא אימות Exchange Server',
    explanation: `${SELECTION_RULE} הטבלה מציינת את הזוכה עבור כל כתובת ומדוע האחרים הפסידו. לזוכה כאן אין אימות Exchange Server (השגיאה במחבר אומרת זאת); הוא זקוק למנגנון הזה עם TLS ולקבוצת ההרשאות ExchangeServers.`,
  },
  'connector.selection-tie': {
    title: 'ב-{port}, {sender} ({address}) נכלל בטווחים מדויקים באותה מידה של {connectors}',
    explanation:
      'כששני מחברים באותו איגוד מכילים כתובת בטווחים באותו גודל, לא מתועד איזה מהם מקבל את החיבור; הפוך טווח אחד למדויק יותר כדי שהבחירה תהיה שלך.',
  },
  'connector.link-local-uncovered': {
    title:
      'אף מחבר של {server} ב-{port} אינו מקבל את כתובות ה-link-local של IPv6 (fe80::/10) ששרתים אחרים מתחברים מהן דרך IPv6',
    explanation: LINK_LOCAL_EXPLANATION,
  },
  'connector.link-local-partial': {
    title:
      'אף מחבר של {server} ב-{port} אינו מקבל את כל כתובות ה-link-local של IPv6 (fe80::/10) ששרתים אחרים מתחברים מהן דרך IPv6',
    explanation: LINK_LOCAL_EXPLANATION,
  },
};
