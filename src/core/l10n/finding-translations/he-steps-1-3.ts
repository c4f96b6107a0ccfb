/**
 * Hebrew wording of the finding codes of steps 1 to 3 (clocks, replication, SPNs), keyed by code,
 * with the English templates' placeholders. Terms follow KB 979174 in Hebrew (בקר תחום, שכפול,
 * שם ראשי של שירות (SPN), חשבון המחשב); the sentences are ours. Right-to-left text with Latin
 * tokens (SPNs, commands, error codes) embedded. Assembled with steps 4 to 6 in ./he.ts.
 */
import type { FindingTranslations } from './types';

const STALE_KDC =
  'כל בקר תחום עונה לבקשות Kerberos ו-LDAP מתוך העותק שלו של המדריך. בקר תחום שלא קיבל את השינוי האחרון בחשבון של שרת Exchange (למשל SPN שנרשם זה עתה) מוסר נתונים ישנים: ה-KDC שבו אינו מוצא את ה-SPN, והכרטיסים עבור השרת הזה נכשלים עד שהשכפול משלים את הפער. ברר מדוע השכפול לבקר התחום הזה נתקע, ואז דחוף אליו את השינויים.';
const PRINCIPAL_UNKNOWN =
  'שרתי Exchange אחרים מבקשים מה-KDC כרטיס עבור SMTPSVC/<name> של השרת הזה. כאשר אף חשבון אינו מחזיק ב-SPN הזה, ה-KDC עונה KDC_ERR_S_PRINCIPAL_UNKNOWN, אימות Exchange נכשל והדואר נשאר בתור עם 454 4.7.0.';
const NO_ACCOUNT = 'בלי חשבון המחשב אי אפשר להשוות את שמות ה-SPN שלו לאלה ש-Exchange צריך.';

export const HE_STEPS_1_TO_3: FindingTranslations = {
  // Step 1: clocks
  'clock.ok': {
    title: 'השעון של {host} תואם את {reference} ({skew}, ±{uncertainty})',
    explanation: 'השעון קרוב מספיק אל {reference} עבור Kerberos.',
  },
  'clock.skew': {
    title: 'השעון של {by} {direction} ב-{duration} ביחס אל {reference}{detail}',
    explanation:
      'הודעות Kerberos נושאות חותמות זמן. KDC או שרת מקבל שמוצא חותמת רחוקה מהשעון שלו יותר מהסבולת ({tolerance}) דוחה אותה כהפעלה חוזרת אפשרית (KRB_AP_ERR_SKEW); חלק ה-Kerberos של אימות Exchange Server נכשל, והשרת השולח משאיר את הדואר בתור עם 454 4.7.0. שעון שסוטה יותר מסף האזהרה ({warning}) אך בתוך הסבולת עדיין עובד, אבל שעון שכבר סטה עד כדי כך בדרך כלל ממשיך לסטות. כוון את השעון הזה ממקור הזמן שלו, ואז ברר מדוע סטה.',
  },
  'clock.unreachable': {
    title: 'לא ניתן היה לקרוא את השעון של {host}',
    explanation: 'בלי קריאה אי אפשר להשוות את השעון הזה לאחרים. הסיבה מסבירה מה נכשל; שאר המארחים הושוו בכל זאת.',
  },
  'clock.no-banner-date': {
    title: 'באנרי ה-SMTP של {host} מסתירים את התאריך, ולכן לא ניתן היה לקרוא מכאן את השעון שלו',
    explanation: 'Exchange כולל את השעה שלו בבאנר ה-SMTP, אלא אם באנר מותאם אישית מחליף אותו. קרא את השעון בשרת עצמו.',
  },
  'clock.local-skew': {
    title: 'השעון של המחשב הזה {direction} ב-{duration} ביחס לזמן של התחום',
    explanation:
      'הסטיות בין השרתים נמדדות ללא תלות בשעון של המחשב הזה, ולכן הן עדיין נכונות. אבל כרטיסי Kerberos שמתבקשים מכאן (בדיקת הקצה לקצה של שלב 3) עלולים להיכשל עד שהשעון הזה יתוקן.',
  },

  // Step 2: replication
  'replication.behind': {
    title: '{dc} מפגר אחרי {references}: {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.missing-object': {
    title: '{dc} מפגר אחרי {references}: {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.disagree': {
    title: '{dc} ו-{others} אינם מסכימים: {dc} {difference}{more}',
    explanation:
      'לבקרי התחום יש ערכים שונים, ואף אחד מהם אינו מחזיק בכל הערכים של האחר, ולכן אי אפשר לקבוע מכאן מי מפגר (בקרי התחום האלה אינם מחזירים msDS-ReplAttributeMetaData, ו-whenChanged הוא חותמת מקומית שאינה אומרת איזה שינוי חדש יותר). ייתכן שלשניהם חסר שינוי שיש לאחר. בדוק את מצב השכפול של שניהם; repadmin /showobjmeta בכל אחד מהם מראה איזו כתיבה היא החדשה ביותר.',
  },
  'replication.agree': {
    title: 'ל-{dc} יש את העותקים העדכניים ביותר של {count} אובייקטי Exchange שהתבקשו',
    explanation: 'בהשוואה ל-{others} בקרי התחום האחרים שענו: שמות ה-SPN, שמות ה-DNS ותכונות Exchange תואמים.',
  },
  'replication.dc-unreachable': {
    title: 'לא ניתן היה לבקש מ-{dc} את העותקים שלו של אובייקטי Exchange',
    explanation:
      'לא ניתן היה לבדוק אם לבקר התחום הזה יש את חשבונות Exchange העדכניים. אם הוא כבוי, הלקוחות עוברים לבקרי תחום אחרים; אם הוא פועל אך אינו נגיש רק מכאן, בדוק אותו ממחשב באתר שלו.',
  },
  'replication.not-compared': {
    title: '{dc} ענה, אבל אף בקר תחום אחר לא ענה, ולכן לא היה למה להשוות אותו',
    explanation: 'השכפול נבדק על-ידי השוואה בין מה שמחזיקים כמה בקרי תחום; עם תשובה אחת אין השוואה.',
  },
  'replication.single-dc': {
    title: '{dc} הוא בקר התחום היחיד שנמצא, ולכן אין שכפול להשוות',
    explanation:
      'עם בקר תחום יחיד כל בקשה רואה את אותם נתונים; השכפול אינו יכול לפגר. אם ציפית ליותר בקרי תחום, ודא שהגילוי יכול לקרוא את תצורת Sites.',
  },
  'replication.failures': {
    title: '{dc} אינו מקבל שכפול: {fails} מתוך {total} קישורים נכנסים נכשלים{error}',
    explanation:
      'repadmin מדווח על שכפול נכנס שנכשל בבקר התחום הזה; ייתכן שבנתונים שהוא מגיש חסרים שינויים אחרונים, כולל שינויים בחשבונות של שרתי Exchange (SPN שנוסף בבקר תחום אחר אינו מוכר לזה).',
  },
  'replication.unreachable': {
    title: 'repadmin לא הצליח לשאול את {dc} (שגיאה {code})',
    explanation:
      'repadmin לא הצליח להגיע לבקר התחום הזה כדי לקרוא את מצב השכפול שלו, ולכן הוא נקודה עיוורת ולא בקר תחום תקין.',
  },
  'replication.healthy': {
    title: 'השכפול אינו מדווח על כשלים ב-{rows} שורות',
    explanation: 'כל קישורי השכפול הצליחו בניסיון האחרון שלהם.',
  },
  'replication.synced': {
    title: 'SyncAll מ-{dc} הסתיים ללא שגיאות',
    explanation: 'כל המחיצות נדחפו לכל השותפים.',
  },
  'replication.sync-failed': {
    title: 'SyncAll מ-{dc} דיווח על {count} שגיאות',
    explanation: 'חלק מהשותפים לא קיבלו את השינויים; ייתכן שכרטיסים עדיין מונפקים מנתונים מיושנים.',
  },

  // Step 3: SPNs
  'spn.no-computer-account': {
    title: 'חשבון המחשב {account} של {server} לא נמצא',
    explanation: NO_ACCOUNT,
  },
  'spn.list-failed': {
    title: 'setspn -L נכשל: {message}',
    explanation: NO_ACCOUNT,
  },
  'spn.listed': {
    title: '{account} מחזיק ב-{spns}',
    explanation:
      'שרתי Exchange אחרים זקוקים לכרטיס עבור SMTPSVC/<name> של השרת הזה; ה-SPN חייב להיות בחשבון המחשב שלו.',
  },
  'spn.missing': { title: 'ל-{server} חסרים שמות ה-SPN הבאים: {spns}', explanation: PRINCIPAL_UNKNOWN },
  'spn.wrong-account': {
    title: 'שמות ה-SPN של {server} רשומים בחשבון אחר: {holders}',
    explanation:
      'ה-KDC מצפין את הכרטיס במפתח של החשבון שמחזיק ב-SPN. כשזה אינו שרת ה-Exchange, השרת אינו יכול לפענח אותו (KRB_AP_ERR_MODIFIED) והאימות נכשל.',
  },
  'spn.duplicate': {
    title: 'SPN כפול: {holders}',
    explanation:
      'כאשר SPN רשום בשני חשבונות, ה-KDC צריך לבחור מפתח אחד; הכרטיסים אינם מפוענחים בשרת ה-Exchange (KRB_AP_ERR_MODIFIED, אירוע KDC 11). הסר את ה-SPN מהחשבון שאינו שרת ה-Exchange.',
  },
  'spn.registered': {
    title: '{server} מחזיק ב-{spns} בחשבון שלו',
    explanation:
      'שמות ה-SPN מסוג SMTP ו-SMTPSVC ש-Exchange צריך עבור השרת הזה נמצאים בחשבון המחשב שלו. העמודה האחרונה בטבלה מציינת אילו חשבונות אחרים מחזיקים בהם, היכן שהדבר נבדק.',
  },
  'spn.query-failed': {
    title: 'setspn -Q {spn} לא החזיר תשובה',
    explanation: 'לא ניתן היה לקרוא אם ה-SPN הזה רשום.',
  },
  'spn.forest-unreadable': {
    title: 'לא ניתן היה לחפש שמות SPN כפולים',
    explanation: '{what}, ולכן לא נבדקו כפילויות ושמות SPN בחשבון הלא נכון.',
  },
  'spn.duplicate-other': {
    title: 'SPN כפול: {holders}',
    explanation:
      'SPN כפול שובר את Kerberos עבור אותו שירות; הוא אינו משפיע על אימות Exchange אלא אם ה-SPN הוא SMTP או SMTPSVC.',
  },
  'spn.duplicates-incomplete': {
    title: 'setspn -X לא השלים את הסריקה',
    explanation: 'רק חלק מהמדריך נבדק לאיתור שמות SPN כפולים.',
  },
  'spn.no-duplicates': {
    title: 'אין שמות SPN כפולים ב-{scope}',
    explanation: 'אף SPN אינו רשום ביותר מחשבון אחד.',
  },
  'spn.forest-no-duplicates': {
    title: 'אף SPN אינו רשום פעמיים ({count} שמות SPN נבדקו)',
    explanation:
      'כל SPN במדריך שנסרק שייך לחשבון אחד בדיוק, כפי ש-setspn -X היה מאשר עם "found 0 group of duplicate SPNs".',
  },
  'spn.forest-duplicates': {
    title: '{count} שמות SPN רשומים ביותר מחשבון אחד',
    explanation:
      'כאשר SPN רשום בשני חשבונות, ה-KDC אינו יכול לדעת באיזה מפתח להשתמש, ושירותים שמאחורי ה-SPN הזה נכשלים באימות Kerberos. השאר כל SPN בחשבון שהשירות פועל בשמו והסר אותו מהאחרים.',
  },
  'spn.forest-scan-failed': {
    title: 'הסריקה של שמות SPN כפולים בכל היער לא הושלמה',
    explanation: 'לא ניתן היה לשלול כפילויות בין כל שמות ה-SPN.',
  },
  'spn.registered-now': {
    title: '{spn} נרשם ב-{account}',
    explanation: 'setspn החזיר "Updated object".',
  },
  'spn.register-unconfirmed': {
    title: 'הרישום של {spn} לא אושר',
    explanation: 'setspn לא הדפיס "Updated object".',
  },
  'spn.register-failed': {
    title: 'הרישום של {spn} נכשל: {message}',
    explanation: 'setspn דיווח על שגיאה. רישום SPN דורש הרשאת כתיבה לחשבון המחשב (Domain Admins, או זכות שהואצלה).',
  },
  'spn.fqdn-mismatch': {
    title: '{server}: ה-dNSHostName {dnsHostName} שונה מה-FQDN ש-Exchange רשם ({registered}); {state}',
    explanation: '{why}',
  },
  'spn.dns-unresolved': {
    title: 'לא ניתן לפענח את {name} ב-DNS',
    explanation:
      'שרתי Exchange אחרים מגיעים לשרת הזה, ונותנים את שם ה-SPN שלו, דרך השם הזה. מהמחשב הזה אין לו כתובת; בדוק את אזור ה-DNS ששרתי Exchange משתמשים בו.',
  },
  'spn.dns-reverse-mismatch': {
    title: '{address} ממופה בחזרה ל-{ptr}, לא ל-{name}',
    explanation:
      'לקוחות Kerberos שמנרמלים שמות דרך DNS הפוך יבקשו כרטיס עבור השם האחר, שייתכן שאין לו SPN. תקן את רשומת ה-PTR או רשום את שמות ה-SPN גם עבור השם הזה.',
  },
  'spn.dns-ok': {
    title: '{name} מפוענח ל-{addresses}',
    explanation: 'השם שהשולחים משתמשים בו עבור השרת הזה מפוענח, וממופה בחזרה לעצמו היכן שקיימת רשומת PTR.',
  },
  'spn.ticket-issued': {
    title: 'ה-KDC מנפיק כרטיס עבור {spn}{kvno}',
    explanation:
      'כרטיס שירות עבור ה-SPN של Exchange הונפק לאישורים שבמחשב הזה: ה-SPN מוביל לחשבון אחד בדיוק עם מפתחות שמישים.',
  },
  'spn.ticket-failed': {
    title: 'אין כרטיס עבור {spn}: {error}',
    explanation: '{meaning}',
  },
  // Step 3, Kerberos keys and account state (issue 12)
  'spn.keys-agree': {
    title: '{account}: גרסת מפתח {keyVersion} ב-{dcs}, {enctypes}',
    explanation: 'כל בקרי התחום מחזיקים באותה גרסת מפתח עבור החשבון, החשבון מופעל, ויש לו סוג הצפנה משותף עם כל KDC.',
  },
  'spn.keys-unread': {
    title: 'לא ניתן היה לקרוא את מפתחות ה-Kerberos של {account} מאף בקר תחום',
    explanation: 'כל בקר תחום נשאל על החשבון; אף אחד לא החזיר אותו.',
  },
  'spn.key-version-differs': {
    title: 'ל-{account} יש גרסת מפתח {newest} ב-{ahead} אבל {older}; מפגרים: {behind}',
    explanation:
      'סיסמת המחשב של {server} השתנתה ב-{ahead} והשינוי לא הגיע ל-{behind}. KDC שם עדיין מצפין כרטיסים עבור {server} במפתח הישן, ש-{server} כבר אינו יכול לפענח (KRB_AP_ERR_MODIFIED ב-{server}, 454 4.7.0 אצל השולח). בצע שכפול, ואז תן לשולחים להשליך את הכרטיסים השמורים אצלם במטמון.',
  },
  'spn.account-disabled': {
    title: '{account} מושבת (userAccountControl {uac})',
    explanation:
      'חשבון מחשב מושבת אינו יכול להתחבר: ל-{server} אין ערוץ מאובטח והוא אינו יכול להשתתף ב-Kerberos בזהותו, ולכן אימות Exchange Server אליו וממנו נכשל.',
  },
  'spn.des-only': {
    title: '{account} מתיר מפתחות DES בלבד ({what})',
    explanation: 'DES כבוי כברירת מחדל בכל גרסה נתמכת של Windows: אף KDC אינו מנפיק כרטיס כזה.',
  },
  'spn.no-common-etype': {
    title: 'אין סוג הצפנה משותף ל-{account} ({enctypes}) ול-KDC ב-{kdcs}',
    explanation:
      'KDC מנפיק כרטיס עבור {server} רק בסוג שגם הוא וגם החשבון מתירים; בלי סוג משותף הבקשה נכשלת עם KDC_ERR_ETYPE_NOSUPP, ובקר התחום רושם אירוע KDC 14, 16, 26 או 27 (Exchange: KdcUnknownEncryptionType).',
  },
  'spn.no-common-etype-pair': {
    title: 'אין סוג הצפנה משותף לשולח {sendingAccount} ({sendingTypes}) ולמקבל {account} ({enctypes})',
    explanation:
      'מפתח ההפעלה של כרטיס מ-{sending} אל {server} חייב להיות מסוג ששני המחשבים מתירים; בלי סוג משותף ה-KDC מסרב לכרטיס (KDC_ERR_ETYPE_NOSUPP) ו-{sending} רושם אירוע Kerberos 14 או KdcUnknownEncryptionType של Exchange.',
  },
  'spn.rc4-only': {
    title: '{account} מתיר RC4 בלבד ({enctypes})',
    explanation:
      'הכרטיסים עבור {server} הם היום RC4. Microsoft מסירה את RC4 מברירות המחדל של Kerberos (KB5073381: ביקורת מינואר 2026, אכיפה מאפריל 2026, ללא אפשרות חזרה מיולי 2026); בקר תחום שמפסיק להנפיק RC4 מפסיק להנפיק כרטיסים עבור {server}.',
  },
  'spn.enctypes-unset': {
    title: 'ל-{account} אין msDS-SupportedEncryptionTypes',
    explanation:
      'מחשבי Windows כותבים אותו כשהם מצטרפים לתחום. בלעדיו כל KDC משתמש בברירת המחדל של התחום שלו: RC4 לפני האכיפה של Microsoft באפריל 2026 (KB5073381), ו-AES בלבד אחריה, כך שסוג הכרטיסים משתנה כשבקרי התחום מתעדכנים.',
  },
  'spn.password-old': {
    title: 'סיסמת המחשב של {server} נקבעה לאחרונה לפני {days} ימים ({when})',
    explanation:
      'Windows מחליף אותה כל 30 יום כברירת מחדל. סיסמה ישנה יותר מעידה ש-{server} לא הגיע לבקר תחום כדי להחליף אותה: ערוץ מאובטח פגום, או שרת ששוחזר או שוכפל מתמונה ישנה.',
  },
  'spn.aes-keys-missing': {
    title: 'הסיסמה של {account} נקבעה לאחרונה ב-{when}, לפני שהתחום יכול היה להחזיק מפתחות AES ({since})',
    explanation:
      'מפתחות AES נוצרים כשסיסמה נקבעת בתחום שהוכן עבור Windows Server 2008 ואילך; לחשבון שהסיסמה שלו ישנה יותר ייתכן שיש מפתחות RC4 בלבד, ו-KDC שמפסיק להנפיק RC4 (KB5073381) מפסיק להנפיק את הכרטיסים שלו. סיסמת מחשב חדשה יוצרת את מפתחות ה-AES (אירוע KDC 42 אומר את אותו הדבר עבור krbtgt וחשבונות אחרים).',
  },
  'spn.logon-old': {
    title: '{account} התחבר לתחום לאחרונה לפני {days} ימים ({when})',
    explanation:
      'lastLogonTimestamp מפגר עד 14 יום מתוך תכנון, לא חודשים. שרת שעונה ב-SMTP אבל לא התחבר זמן כה רב הוא כנראה מחשב ששוחזר או שוכפל ומשתמש בזהות אחרת.',
  },
  'spn.duplicate-dnshostname': {
    title: '{fqdn} הוא ה-dNSHostName של {account} וגם של {others}',
    explanation:
      'שני חשבונות מחשב טוענים לאותו מארח. לא משנה איזה מהם מקבל את שמות ה-SPN או את רשומת ה-DNS, הכרטיסים והשמות עבור {fqdn} עלולים להצביע על החשבון הלא נכון; בדרך כלל החשבון האחר נשאר משחזור, משינוי שם או מהצטרפות מחדש לתחום.',
  },
};
