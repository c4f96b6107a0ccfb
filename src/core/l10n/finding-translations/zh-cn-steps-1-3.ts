/**
 * Simplified Chinese wording of the finding codes of steps 1 to 3 (clocks, replication, SPNs),
 * keyed by code, with the English templates' placeholders. Terms follow Microsoft's zh-CN usage
 * (域控制器, 复制, 服务主体名称 (SPN), 计算机帐户, 票证); the sentences are ours. Assembled with
 * steps 4 to 6 in ./zh-cn.ts.
 */
import type { FindingTranslations } from './types';

const STALE_KDC =
  '每个域控制器都用自己的目录副本响应 Kerberos 和 LDAP 请求。没有收到 Exchange 服务器帐户最新更改（例如刚注册的 SPN）的域控制器会提供旧数据：其上的 KDC 找不到该 SPN，在复制赶上之前，该服务器的票证都会失败。请查明到此域控制器的复制为何停滞，然后将更改推送给它。';
const PRINCIPAL_UNKNOWN =
  '其他 Exchange 服务器会向 KDC 请求此服务器 SMTPSVC/<name> 的票证。如果没有任何帐户拥有该 SPN，KDC 会返回 KDC_ERR_S_PRINCIPAL_UNKNOWN，Exchange 身份验证失败，邮件以 454 4.7.0 滞留在队列中。';
const NO_ACCOUNT = '找不到计算机帐户，就无法将其 SPN 与 Exchange 所需的 SPN 进行比较。';

export const ZH_CN_STEPS_1_TO_3: FindingTranslations = {
  // Step 1: clocks
  'clock.ok': {
    title: '{host} 的时钟与 {reference} 一致（{skew}，±{uncertainty}）',
    explanation: '该时钟与 {reference} 足够接近，满足 Kerberos 的要求。',
  },
  'clock.skew': {
    title: '{by} 的时钟{direction} {reference} {duration}{detail}',
    explanation:
      'Kerberos 消息带有时间戳。KDC 或接收服务器若发现时间戳与自身时钟的偏差超过容差（{tolerance}），会将其视为可能的重放而拒绝（KRB_AP_ERR_SKEW），Exchange Server 身份验证中的 Kerberos 部分随之失败，发送服务器将邮件以 454 4.7.0 留在队列中。偏差超过警告阈值（{warning}）但仍在容差之内的时钟还能工作，但已经漂移到这种程度的时钟通常会继续漂移。请从时间源校准此时钟，然后查明它漂移的原因。',
  },
  'clock.unreachable': {
    title: '无法读取 {host} 的时钟',
    explanation: '没有读数就无法将此时钟与其他时钟进行比较。原因说明了失败之处；其他主机仍已完成比较。',
  },
  'clock.no-banner-date': {
    title: '{host} 的 SMTP 横幅隐藏了日期，因此无法从这里读取其时钟',
    explanation: '除非被自定义横幅替换，Exchange 会在 SMTP 横幅中给出其时间。请改为在该服务器上读取时钟。',
  },
  'clock.local-skew': {
    title: '本机时钟{direction}域时间 {duration}',
    explanation:
      '服务器之间的偏差是独立于本机时钟测量的，因此仍然正确。但在本机时钟校正之前，从这里请求的 Kerberos 票证（步骤 3 的端到端测试）可能会失败。',
  },

  // Step 2: replication
  'replication.behind': {
    title: '{dc} 落后于 {references}：{difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.missing-object': {
    title: '{dc} 落后于 {references}：{difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.disagree': {
    title: '{dc} 与 {others} 不一致：{dc} {difference}{more}',
    explanation:
      '这些域控制器持有不同的值，且任何一方都不包含另一方的全部值，因此从这里无法判断哪一方落后（这些域控制器不返回 msDS-ReplAttributeMetaData，而 whenChanged 是本地时间戳，不能说明哪个更改更新）。双方可能都缺少对方拥有的某个更改。请检查两个域控制器的复制状态；在每个域控制器上运行 repadmin /showobjmeta 可以看出哪次写入最新。',
  },
  'replication.agree': {
    title: '{dc} 持有所查询的 {count} 个 Exchange 对象的最新副本',
    explanation: '已与其他 {others} 个作出响应的域控制器比较：SPN、DNS 名称和 Exchange 属性均一致。',
  },
  'replication.dc-unreachable': {
    title: '无法向 {dc} 查询其 Exchange 对象副本',
    explanation:
      '无法检查此域控制器是否拥有最新的 Exchange 帐户。如果它已停机，客户端会故障转移到其他域控制器；如果它在运行、只是从这里无法访问，请从其所在站点中的计算机进行检查。',
  },
  'replication.not-compared': {
    title: '{dc} 已响应，但没有其他域控制器响应，因此无从比较',
    explanation: '复制是通过比较多个域控制器所持有的数据来检查的；只有一个响应就无法比较。',
  },
  'replication.single-dc': {
    title: '{dc} 是找到的唯一域控制器，因此没有可比较的复制',
    explanation:
      '只有一个域控制器时，每个请求看到的都是相同的数据；复制不可能落后。如果你预期有更多域控制器，请检查发现过程能否读取 Sites 配置。',
  },
  'replication.failures': {
    title: '{dc} 无法接收复制：{total} 个入站链接中有 {fails} 个失败{error}',
    explanation:
      'repadmin 报告此域控制器上的入站复制失败；它提供的数据可能缺少最近的更改，包括对 Exchange 服务器帐户的更改（在另一个域控制器上添加的 SPN 在此域控制器上未知）。',
  },
  'replication.unreachable': {
    title: 'repadmin 无法查询 {dc}（错误 {code}）',
    explanation: 'repadmin 无法连接到此域控制器来读取其复制状态，因此它是一个盲点，而不是一个正常的域控制器。',
  },
  'replication.healthy': {
    title: '复制在 {rows} 行中未报告任何失败',
    explanation: '每个复制链接在最近一次尝试中均已成功。',
  },
  'replication.synced': {
    title: '从 {dc} 执行的 SyncAll 已完成，没有错误',
    explanation: '每个分区都已推送到所有伙伴。',
  },
  'replication.sync-failed': {
    title: '从 {dc} 执行的 SyncAll 报告了 {count} 个错误',
    explanation: '部分伙伴未接收更改；票证可能仍按过时的数据颁发。',
  },

  // Step 3: SPNs
  'spn.no-computer-account': {
    title: '找不到 {server} 的计算机帐户 {account}',
    explanation: NO_ACCOUNT,
  },
  'spn.list-failed': {
    title: 'setspn -L 失败：{message}',
    explanation: NO_ACCOUNT,
  },
  'spn.listed': {
    title: '{account} 拥有 {spns}',
    explanation: '其他 Exchange 服务器需要此服务器 SMTPSVC/<name> 的票证；该 SPN 必须位于其计算机帐户上。',
  },
  'spn.missing': { title: '{server} 缺少以下 SPN：{spns}', explanation: PRINCIPAL_UNKNOWN },
  'spn.wrong-account': {
    title: '{server} 的 SPN 注册在另一个帐户上：{holders}',
    explanation:
      'KDC 使用拥有该 SPN 的帐户的密钥加密票证。如果该帐户不是 Exchange 服务器，服务器就无法解密票证（KRB_AP_ERR_MODIFIED），身份验证失败。',
  },
  'spn.duplicate': {
    title: '重复的 SPN：{holders}',
    explanation:
      '一个 SPN 同时位于两个帐户上时，KDC 只能从中选一个密钥；票证随后在 Exchange 服务器上无法解密（KRB_AP_ERR_MODIFIED，KDC 事件 11）。请从不是 Exchange 服务器的帐户上删除该 SPN。',
  },
  'spn.registered': {
    title: '{server} 在其自己的帐户上拥有 {spns}',
    explanation:
      'Exchange 为此服务器所需的 SMTP 和 SMTPSVC SPN 位于其计算机帐户上。表格最后一列列出了还有哪些帐户持有这些 SPN（仅限已搜索的范围）。',
  },
  'spn.query-failed': {
    title: 'setspn -Q {spn} 没有返回结果',
    explanation: '无法读取此 SPN 是否已注册。',
  },
  'spn.forest-unreadable': {
    title: '无法搜索重复的 SPN',
    explanation: '{what}，因此未检查重复的 SPN 和位于错误帐户上的 SPN。',
  },
  'spn.duplicate-other': {
    title: '重复的 SPN：{holders}',
    explanation: '重复的 SPN 会使该服务的 Kerberos 失效；除非该 SPN 是 SMTP 或 SMTPSVC，否则不影响 Exchange 身份验证。',
  },
  'spn.duplicates-incomplete': {
    title: 'setspn -X 未完成扫描',
    explanation: '只检查了目录的一部分是否存在重复的 SPN。',
  },
  'spn.no-duplicates': {
    title: '{scope} 中没有重复的 SPN',
    explanation: '没有任何 SPN 注册在多个帐户上。',
  },
  'spn.forest-no-duplicates': {
    title: '没有 SPN 被重复注册（已检查 {count} 个 SPN）',
    explanation:
      '所搜索目录中的每个 SPN 都只属于一个帐户，setspn -X 会以 "found 0 group of duplicate SPNs" 确认这一点。',
  },
  'spn.forest-duplicates': {
    title: '{count} 个 SPN 注册在多个帐户上',
    explanation:
      '当两个帐户持有同一个 SPN 时，KDC 无法判断使用哪个密钥，该 SPN 背后的服务的 Kerberos 身份验证就会失败。请只在运行该服务的帐户上保留每个 SPN，并从其他帐户中删除。',
  },
  'spn.forest-scan-failed': {
    title: '林范围的重复 SPN 扫描未完成',
    explanation: '无法排除所有 SPN 中存在重复项。',
  },
  'spn.registered-now': {
    title: '{spn} 已注册到 {account}',
    explanation: 'setspn 输出了 "Updated object"。',
  },
  'spn.register-unconfirmed': {
    title: '{spn} 的注册未得到确认',
    explanation: 'setspn 没有输出 "Updated object"。',
  },
  'spn.register-failed': {
    title: '注册 {spn} 失败：{message}',
    explanation: 'setspn 报告了错误。注册 SPN 需要对计算机帐户的写入权限（Domain Admins 或委派的权限）。',
  },
  'spn.fqdn-mismatch': {
    title: '{server}：dNSHostName {dnsHostName} 与 Exchange 注册的 FQDN（{registered}）不同；{state}',
    explanation: '{why}',
  },
  'spn.dns-unresolved': {
    title: '{name} 在 DNS 中无法解析',
    explanation:
      '其他 Exchange 服务器通过此名称访问此服务器，并用它构成其 SPN。从本机看，该名称没有地址；请检查 Exchange 服务器所使用的 DNS 区域。',
  },
  'spn.dns-reverse-mismatch': {
    title: '{address} 反向映射到 {ptr}，而不是 {name}',
    explanation:
      '通过反向 DNS 规范化名称的 Kerberos 客户端会为另一个名称请求票证，而该名称的 SPN 可能不存在。请修正 PTR 记录，或同时为该名称注册 SPN。',
  },
  'spn.dns-ok': {
    title: '{name} 解析为 {addresses}',
    explanation: '发送方用于此服务器的名称可以解析，并且在存在 PTR 记录的地方反向映射回其自身。',
  },
  'spn.ticket-issued': {
    title: 'KDC 为 {spn} 颁发了票证{kvno}',
    explanation: '已向本机上的凭据颁发了 Exchange SPN 的服务票证：该 SPN 只对应一个具有可用密钥的帐户。',
  },
  'spn.ticket-failed': {
    title: '无法获得 {spn} 的票证：{error}',
    explanation: '{meaning}',
  },
  // Step 3, Kerberos keys and account state (issue 12)
  'spn.keys-agree': {
    title: '{account}：{dcs} 上的密钥版本为 {keyVersion}，{enctypes}',
    explanation: '每个域控制器上该帐户的密钥版本都相同，帐户已启用，并且与每个 KDC 都有共同的加密类型。',
  },
  'spn.keys-unread': {
    title: '无法从任何域控制器读取 {account} 的 Kerberos 密钥',
    explanation: '已向每个域控制器查询该帐户；没有一个返回该帐户。',
  },
  'spn.key-version-differs': {
    title: '{account} 在 {ahead} 上的密钥版本为 {newest}，但 {older}；落后的：{behind}',
    explanation:
      '{server} 的计算机密码已在 {ahead} 上更改，但该更改尚未到达 {behind}。那里的 KDC 仍使用旧密钥为 {server} 加密票证，而 {server} 已无法解密（{server} 上出现 KRB_AP_ERR_MODIFIED，发送方出现 454 4.7.0）。请执行复制，然后让发送方丢弃已缓存的票证。',
  },
  'spn.account-disabled': {
    title: '{account} 已禁用（userAccountControl {uac}）',
    explanation:
      '已禁用的计算机帐户无法登录：{server} 没有安全通道，不能以自身身份参与 Kerberos，因此与它之间双向的 Exchange Server 身份验证都会失败。',
  },
  'spn.des-only': {
    title: '{account} 只允许 DES 密钥（{what}）',
    explanation: '所有受支持的 Windows 版本默认都关闭了 DES：没有 KDC 会颁发这种票证。',
  },
  'spn.no-common-etype': {
    title: '{account}（{enctypes}）与 {kdcs} 上的 KDC 没有共同的加密类型',
    explanation:
      'KDC 只会以它和帐户都允许的类型为 {server} 颁发票证；没有共同类型时，请求会以 KDC_ERR_ETYPE_NOSUPP 失败，域控制器会记录 KDC 事件 14、16、26 或 27（Exchange：KdcUnknownEncryptionType）。',
  },
  'spn.no-common-etype-pair': {
    title: '发送方 {sendingAccount}（{sendingTypes}）与接收方 {account}（{enctypes}）没有共同的加密类型',
    explanation:
      '从 {sending} 到 {server} 的票证的会话密钥必须是两台计算机都允许的类型；没有共同类型时，KDC 会拒绝该票证（KDC_ERR_ETYPE_NOSUPP），{sending} 会记录 Kerberos 事件 14 或 Exchange 的 KdcUnknownEncryptionType。',
  },
  'spn.rc4-only': {
    title: '{account} 只允许 RC4（{enctypes}）',
    explanation:
      '目前 {server} 的票证使用 RC4。Microsoft 正在从 Kerberos 默认设置中移除 RC4（KB5073381：2026 年 1 月起审核，2026 年 4 月起强制执行，2026 年 7 月起不可回退）；停止颁发 RC4 的域控制器将不再为 {server} 颁发票证。',
  },
  'spn.enctypes-unset': {
    title: '{account} 没有 msDS-SupportedEncryptionTypes',
    explanation:
      'Windows 计算机在加入域时会写入该属性。没有该属性时，每个 KDC 使用其所在域的默认值：在 Microsoft 2026 年 4 月强制执行（KB5073381）之前为 RC4，之后仅为 AES，因此域控制器更新后票证类型会改变。',
  },
  'spn.password-old': {
    title: '{server} 的计算机密码上次设置于 {days} 天前（{when}）',
    explanation:
      'Windows 默认每 30 天更改一次该密码。密码更旧说明 {server} 一直未能连接到域控制器进行更改：安全通道已损坏，或者服务器是从旧映像还原或克隆的。',
  },
  'spn.aes-keys-missing': {
    title: '{account} 的密码上次设置于 {when}，早于域能够保存 AES 密钥的时间（{since}）',
    explanation:
      '在为 Windows Server 2008 或更高版本准备好的域中设置密码时才会生成 AES 密钥；密码更早的帐户可能只有 RC4 密钥，而停止颁发 RC4 的 KDC（KB5073381）将不再为其颁发票证。设置新的计算机密码即可生成 AES 密钥（KDC 事件 42 对 krbtgt 和其他帐户也给出同样的提示）。',
  },
  'spn.logon-old': {
    title: '{account} 上次登录域是在 {days} 天前（{when}）',
    explanation:
      'lastLogonTimestamp 按设计最多滞后 14 天，而不是几个月。一台能响应 SMTP 却这么久没有登录的服务器，很可能是使用了另一个身份的还原或克隆计算机。',
  },
  'spn.duplicate-dnshostname': {
    title: '{fqdn} 既是 {account} 的 dNSHostName，也是 {others} 的',
    explanation:
      '两个计算机帐户声明了同一台主机。无论哪一个获得 SPN 或 DNS 记录，{fqdn} 的票证和名称都可能指向错误的帐户；另一个帐户通常是还原、重命名或重新加入域后遗留下来的。',
  },
};
