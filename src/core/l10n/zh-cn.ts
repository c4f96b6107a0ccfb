/** Simplified Chinese catalogue (terms of the course notes and docs/localisation.md); sentences are ours. */
import type { Catalogue } from './en';
import { joinTables } from './join-tables';
import { PHRASES_1_3, type Phrase1_3Key } from './phrases/steps-1-3';
import { PHRASES_4_6, type Phrase4_6Key } from './phrases/steps-4-6';
import { PLACE_VALUE_PHRASES, type PlaceValueKey } from './phrases/places-values';

const BASE: Omit<Catalogue, Phrase1_3Key | Phrase4_6Key | PlaceValueKey> = {
  'list.separator': '、',
  'duration.ms': '{n} 毫秒',
  'duration.s': '{s} 秒',
  'duration.min': '{m} 分 {s} 秒',
  'duration.h': '{h} 小时 {m} 分 {s} 秒',
  'steps.none': 'KB 979174',
  'steps.one': 'KB 979174 {first}',
  'steps.more': 'KB 979174 {first}，然后{rest}',
  'step.label': '第 {n} 步（{name}）',
  'step.name.1': '时钟',
  'step.name.2': 'AD 复制',
  'step.name.3': 'SPN',
  'step.name.4': 'Kerberos 端口',
  'step.name.5': 'Kerberos 日志记录',
  'step.name.6': '接收连接器身份验证',
  'step.title.1': '时钟在 Kerberos 容差范围内一致',
  'step.title.2': '域控制器正常复制',
  'step.title.3': 'SMTP 和 SMTPSVC SPN 只注册一次，且在正确的帐户上',
  'step.title.4': 'Kerberos 端口和传输端口可访问',
  'step.title.5': 'Kerberos 日志记录未显示错误',
  'step.title.6': '接收连接器接受 Exchange Server 身份验证',

  'between.both': '（从 {sending} 到 {receiving}）',
  'between.from': '（来自 {sending}）',
  'between.to': '（发往 {receiving}）',
  'detail.list': '（{items}）',
  'detail.error': '错误 {value}',
  'detail.connector': '连接器 {value}',
  'detail.mechanism': '机制 {value}',
  'detail.source': '来源 {value}',
  'detail.target': '目标 {value}',

  'ev.auth-temporary-failure':
    '454 4.7.0 临时身份验证失败{between}：服务器之间的 Exchange Server 身份验证（Kerberos）失败。请检查 {steps}。',
  'ev.auth-failure-relayed':
    '451 4.4.0 ... 454 4.7.0：下一跃点{hop}拒绝了 Exchange Server 身份验证（Kerberos），队列将重试。请检查 {steps}。',
  'ev.x-anonymoustls-failed':
    '454 4.7.0 是对 {command} 的应答{between}：接收服务器无法启动 TLS，因此无法继续 Exchange Server 身份验证。请检查接收连接器的证书和身份验证（{steps}）。',
  'ev.x-exps-failed.kerberos':
    '454 4.7.0 临时身份验证失败，是对 {command} 的应答{between}：Exchange 服务器之间的 Kerberos 登录失败。请检查 {steps}。',
  'ev.x-exps-failed.exchange':
    '454 4.7.0 临时身份验证失败，是对 {command} 的应答{between}：Exchange Server 身份验证失败。请检查 {steps}。',
  'ev.exchange-auth-unavailable':
    '451 5.7.3 Cannot achieve Exchange Server authentication{between}：接收连接器未提供 Exchange Server 身份验证（没有 X-ANONYMOUSTLS / X-EXPS）。请检查 {steps}。',
  'ev.unexpected-exchange-auth-blob':
    'UnexpectedExchangeAuthBlob{between}：X-ANONYMOUSTLS 之后的 Exchange 身份验证数据不是服务器所期望的（连接器身份验证或证书）。请检查 {steps}。',
  'ev.tls-failed':
    'TLS 协商失败{error}{between}：没有 TLS 就没有 Exchange Server 身份验证；请检查绑定到连接器 FQDN 的证书（事件 12014）。请检查 {steps}。',
  'ev.event-1035':
    '事件 1035，入站身份验证失败{detail}：请在此接收服务器上启用 Kerberos 日志记录，并查看系统事件日志。请检查 {steps}。',
  'ev.event-2017': '事件 2017，出站身份验证失败{detail}{between}：{cause}。请检查 {steps}。',
  'ev.outbound-auth-failed': '出站身份验证失败，错误为 {error}{between}：{cause}。请检查 {steps}。',
  'ev.inbound-auth-failed': '入站身份验证失败，原因是 {error}{between}：{cause}。请检查 {steps}。',
  'ev.kerberos-event': '{provider} 事件 {event}{name}：系统事件日志显示 Kerberos 失败。请检查 {steps}。',
  'ev.kerberos-skew': 'KRB_AP_ERR_SKEW：两台计算机的时钟相差超过 Kerberos 容差。请检查 {steps}。',
  'ev.kerberos-modified':
    'KRB_AP_ERR_MODIFIED：票证是为另一个帐户加密的，通常是 SMTP/SMTPSVC SPN 重复或注册在错误的帐户上。请检查 {steps}。',
  'ev.kerberos-error': '{name}：记录了一个 Kerberos 错误。请检查 {steps}。',
  'ev.command-refused': '{command} 被拒绝，应答为“{reply}”{between}：Exchange Server 身份验证未完成。请检查 {steps}。',
  'ev.no-exchange-auth-offered':
    'Exchange 服务器 {host} 在此连接器上既未提供 X-ANONYMOUSTLS 也未提供 X-EXPS：它在这里不接受 Exchange Server 身份验证。请检查 {steps}。',
  'ev.banner-skew': '{host} 的横幅显示其时钟与本服务器（该行的日期时间）相差 {delay}{beyond}。请检查 {steps}。',
  'ev.hop-skew':
    '跃点 {hop}（{b}）的时间戳比跃点 {prev}（{a}）晚 {delay}：时间倒退，因此 {a} 和 {b} 的时钟至少相差 {skew}{beyond}。请检查 {steps}。',
  'ev.beyond-tolerance': '，超过了 {minutes} 分钟的 Kerberos 容差',
  'ev.malformed-record': '不是协议日志记录：{want} 个字段中只有 {got} 个。',
  'ev.long-line': '第 {line} 行有 {length} 个字符；只分析了前 {max} 个。',
  'ev.analysis-failed': '无法分析此文件：{reason}',
  'ev.too-large': '此文档大于 {mb} MB，编辑器中不做分析；请对其文件夹使用“Scan log folder”。',
  'ev.correlated': '{sending} 到 {receiving}：同一失败的 {count} 条证据（{sources}），先看第 {step} 步：{cause}。',

  'cause.IllegalMessage': 'Kerberos 交换被拒绝；系统事件日志会说明原因',
  'cause.LogonDenied': '登录被拒绝：SPN 错误或缺失、密钥过期或信任关系损坏',
  'cause.KdcUnknownEncryptionType': '域控制器与帐户之间没有共同的加密类型（计算机帐户的密钥）',
  'cause.UnexpectedExchangeAuthBlob': 'Exchange 身份验证数据不是接收服务器所期望的',
  'cause.TimeSkew': '时钟相差超过 Kerberos 容差',
  'cause.TargetUnknown': '域控制器不认识目标 SPN',
  'cause.WrongPrincipal': '票证属于另一个帐户（SPN 重复或注册在错误的帐户上）',
  'cause.MessageAltered': '票证无法解密（SPN 重复或密钥过期）',
  'cause.NoAuthenticatingAuthority': '无法连接任何域控制器进行 Kerberos 身份验证',
  'cause.InvalidToken': '身份验证令牌无效',
  'cause.default': '服务器之间的身份验证失败',

  'hover.enhanced-code': '**{code}** 增强状态码',
  'hover.vendor-code': '不在 IANA 注册表中的详细代码（厂商自定义）。',
  'hover.with-reply-codes': '（对应应答码 {codes}）',
  'hover.iana-source': '_来源：IANA “SMTP Enhanced Status Codes” 注册表，抄录于 {date}；说明按注册原文保留英文。_',
  'hover.reply': '**{code}** SMTP 应答（{kind}）',
  'hover.reply.2': '成功',
  'hover.reply.3': '中间状态',
  'hover.reply.4': '临时失败：发件方会重试',
  'hover.reply.5': '永久失败',
  'hover.port': '端口 {port}：{what}。',
  'port.25': '前端传输（Default Frontend 连接器），或边缘/SMTP 服务器',
  'port.2525': '邮箱服务器上的传输服务（Default 连接器；服务器之间的流量）',
  'port.465': 'Client Proxy 连接器（前端传输代理已验证的客户端）',
  'port.475': '邮箱传输传递服务',
  'port.587': 'Client Frontend 连接器（已验证的客户端）',
  'port.717': 'Outbound Proxy Frontend 连接器',

  // Field descriptions of the protocol and tracking log hovers.
  'field.p.date-time': '事件的记录时间，UTC（ISO 8601）。请与另一台服务器日志中的 UTC 时间比较，而不是本地时间。',
  'field.p.connector-id':
    '处理此会话的连接器。在接收日志中：`<服务器>\\<接收连接器名称>`（例如 `EX02\\Default EX02`）。在发送日志中：发送连接器或组织内的隐式连接器。',
  'field.p.session-id': '一个类似 GUID 的标识，一个 SMTP 会话的所有行共用。大纲按它对行分组。',
  'field.p.sequence-number': '事件在其会话中的顺序，从 0 开始。',
  'field.p.local-endpoint':
    '本服务器的 IP 地址和端口。端口表明服务：25 前端传输，2525 邮箱服务器上的传输，465 Client Proxy，587 Client Frontend，717 Outbound Proxy Frontend。',
  'field.p.remote-endpoint': '另一台服务器的 IP 地址和端口。在接收日志中是发送服务器；在发送日志中是接收服务器。',
  'field.p.event': '发生了什么：`+` 连接，`-` 断开，`>` 本服务器发送，`<` 从对端接收，`*` Exchange 记录的信息。',
  'field.p.data': 'SMTP 命令、应答或信息文本。身份验证数据记录为 `<authentication response>`，不记录其内容。',
  'field.p.context': '`*` 行的附加上下文（例如证书或身份验证结果）。',
  'field.e.connect': '连接：会话开始。',
  'field.e.disconnect': '断开：会话结束。',
  'field.e.sent': '由写此日志的服务器发送。',
  'field.e.received': '从对端接收。',
  'field.e.info': 'Exchange 记录的信息（TLS、身份验证、证书）。',
  'field.t.date-time': '事件的记录时间，UTC。',
  'field.t.client-ip': '在此步骤中送入邮件的服务器或客户端的地址（对于 SMTP 的 SEND/DEFER/FAIL：写此日志的服务器）。',
  'field.t.client-hostname': '此步骤发送端的名称。',
  'field.t.server-ip': '此步骤接收端的地址（对于 SMTP 的 SEND/DEFER/FAIL：下一跃点）。',
  'field.t.server-hostname': '此步骤接收端的名称。',
  'field.t.source-context': '关于来源的附加信息（连接器、会话或代理）。',
  'field.t.connector-id': '此步骤使用的连接器。',
  'field.t.source': '记录事件的组件：SMTP、STOREDRIVER、AGENT、ROUTING、DSN...',
  'field.t.event-id': 'RECEIVE、SEND、DELIVER、DEFER（稍后重试）、FAIL（NDR）、EXPAND、RESOLVE、REDIRECT...',
  'field.t.internal-message-id': '邮件在本服务器队列数据库中的标识。',
  'field.t.message-id': 'Message-ID 邮件头；在邮件经过的每台服务器上都相同。',
  'field.t.network-message-id': 'Exchange 为组织内该邮件的所有副本保留的标识。',
  'field.t.recipient-address': '事件涉及的收件人。',
  'field.t.recipient-status':
    '每个收件人的状态：对于 DEFER 和 FAIL，是 SMTP 应答（例如 `451 4.4.0 ... 454 4.7.0 ...`）。',
  'field.t.total-bytes': '邮件大小（字节）。',
  'field.t.recipient-count': '收件人数。',
  'field.t.message-subject': '主题（可能被 MessageTrackingLogSubjectLoggingEnabled 设置隐藏）。',
  'field.t.sender-address': '信封发件人。',
  'field.t.directionality': 'Incoming、Originating 或 Undefined。',

  'cli.step-header': '第 {step} 步：{title}',
  'cli.why-unknown': '未知原因：{reason}',
  'cli.changes-server': '会更改服务器',
  'cli.read-only': '只读',
  'cli.remedy': '{summary}（{effect}；在 {host} 上运行）：',
  'cli.verdict':
    '结论：{overall}（{error} 个错误，{warning} 个警告，{unknown} 个未知，{ok} 个正常；共 {findings} 个结果）',
  'cli.cause': '第 {step} 步：{summary}',
  'severity.error': '错误',
  'severity.warning': '警告',
  'severity.unknown': '未知',
  'severity.ok': '正常',
};

export const ZH_CN: Catalogue = joinTables(
  BASE,
  PHRASES_1_3['zh-cn'],
  PHRASES_4_6['zh-cn'],
  PLACE_VALUE_PHRASES['zh-cn'],
);
