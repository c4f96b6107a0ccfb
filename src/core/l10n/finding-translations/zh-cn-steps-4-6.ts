/**
 * Simplified Chinese wording of the finding codes of steps 4 to 6 (ports, Kerberos logging,
 * Receive connectors), keyed by code, with the English templates' placeholders. Terms follow
 * Microsoft's zh-CN usage (接收连接器, Exchange Server 身份验证, Kerberos 日志记录, 系统事件日志,
 * 端口); the sentences are ours. Assembled with steps 1 to 3 in ./zh-cn.ts.
 */
import type { FindingTranslations } from './types';

const CERT_EXPLANATION =
  '在 Exchange 服务器之间，证书只用于加密 X-ANONYMOUSTLS 会话；发送方不验证证书，身份验证使用 Kerberos，因此邮件仍能流动。这是一个警告：请在会验证证书的对象（例如边缘订阅或使用 TLS 的合作伙伴）出现故障之前续订证书（New-ExchangeCertificate，然后 Enable-ExchangeCertificate -Services SMTP）。';
const LINK_LOCAL_EXPLANATION =
  '该服务器在 IPv6 上侦听并接受 IPv6 发送方，但没有任何远程 IP 地址范围包含 fe80::/10。同一链路上通过 IPv6 访问它的服务器会从其链路本地地址连接，在能够进行身份验证之前就被拒绝；其邮件会滞留在队列中。请将 fe80::/10 添加到接收其他 Exchange 服务器邮件的连接器的范围中（保留其原有范围），或者像安装程序那样为该连接器设置 ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff。';
const SELECTION_RULE = 'Exchange 会把连接交给绑定在该端口上、且远程 IP 地址范围最精确地包含发送方的已启用连接器。';

export const ZH_CN_STEPS_4_TO_6: FindingTranslations = {
  // Step 4: ports
  'port.kdc-stopped': {
    title: '{name}：Kerberos 密钥发行中心 (KDC) 服务未运行（LDAP 有响应；{kerberosStates}）',
    explanation:
      '此域控制器响应 LDAP，说明它已启动且可访问，但拒绝 Kerberos：没有进程在端口 88 上侦听，这意味着 Kerberos 密钥发行中心服务 (Kdc) 已停止或未能启动。向此域控制器请求票证的 Exchange 服务器会失败或等待，Exchange Server 身份验证以 454 4.7.0 失败。请在域控制器上用下面的命令检查该服务以及系统日志中的 KDC 事件；Kdc 应处于运行状态并自动启动，事件会说明它停止的原因。',
  },
  'port.kdc-silent': {
    title: '{name}：{failures}',
    explanation:
      '端口 88 接受连接，但 KDC 从不响应 Kerberos 请求：KDC 服务已挂起或过载，或者有其他程序占用了该端口。仅做 TCP 连接会把此端口判定为开放。向此域控制器发出的票证请求会一直等到超时，Exchange Server 身份验证以 454 4.7.0 失败。请检查该域控制器：Kdc 服务、它在系统日志中的事件以及 lsass.exe 的负载。',
  },
  'port.kerberos-blocked': {
    title: '{name}：{failures}',
    explanation:
      'Exchange 服务器通过端口 88（先用 UDP，大票证用 TCP）和 464 从域控制器获取 Kerberos 票证。如果在这些端口上无法访问域控制器，票证请求会失败或等到超时，Exchange Server 身份验证以 454 4.7.0 失败。此测试是从本机进行的；请在 Exchange 服务器上用下面的命令确认。',
  },
  'port.transport-blocked': {
    title: '{name}：{failures}',
    explanation:
      '其他 Exchange 服务器通过这些端口向此服务器投递邮件。它们无法访问这些端口时，邮件会滞留在发送端的队列中。此测试是从本机进行的；请在其他 Exchange 服务器上用下面的命令确认。',
  },
  'port.blocked': {
    title: '{name}：{failures}',
    explanation:
      'Exchange 还需要这些端口进行目录查找和管理。Kerberos 本身不使用它们，但其中任何一个被阻止都会导致其他故障。请在 Exchange 服务器上用下面的命令确认。',
  },
  'port.open': {
    title: '{name} 在 {openPorts} 上有响应{closedOptional}{notTested}',
    explanation: '从本机测试，所有相关端口都有响应。真正重要的路径从 Exchange 服务器出发；下面的命令在那里进行测试。',
  },
  'port.host-silent': {
    title: '{name}（{host}）的所有端口均无响应',
    explanation:
      '在探测超时时间内没有任何端口响应：主机已停机、地址错误，或者防火墙丢弃了来自本机的所有流量。无法对单个端口作出判断。',
  },
  'port.unresolved': {
    title: '{name}（{host}）无法解析',
    explanation: '从本机无法解析该名称，因此无法测试任何端口。',
  },
  'port.not-tested': {
    title: '未对 {host} 进行 TCP 测试',
    explanation: 'Test-NetConnection 运行时未指定 -Port。',
  },
  // Step 4, a KDC in each server's site (issue 12)
  'port.kdc-site-ok': {
    title: '{server} 所在站点 {site} 的 KDC 有响应（{kdcs}）',
    explanation: '{server} 可以从其所在站点的 KDC 获取票证。',
  },
  'port.kdc-site-none': {
    title: '{server} 所在站点 {site} 中没有域控制器',
    explanation: '{server} 必须通过站点链接访问其他站点的 KDC；Exchange 要求其所在站点中有域控制器和全局编录。',
  },
  'port.kdc-site-unreachable': {
    title: '{server} 所在站点 {site} 中没有 KDC 在端口 88 上响应（{kdcs}）',
    explanation:
      '{server} 首先向其所在站点的 KDC 请求票证。没有任何 KDC 响应时，它会逐个等待超时后再尝试其他站点，或者直接失败：与 {server} 之间双向的 Exchange Server 身份验证都会中断。',
  },
  'port.kdc-tcp-blocked': {
    title: '{server} 所在站点 {site} 中的 {kdcs}：Kerberos 在 UDP 88 上有响应，但在 TCP 88 上没有',
    explanation:
      '较小的 Kerberos 响应可以放进一个数据报；较大的响应（PAC 较大、组很多）会以 KRB_ERR_RESPONSE_TOO_BIG 返回，客户端随后改用 TCP 88 重试，而这里 TCP 88 失败。',
  },
  // Step 4, the SMTP path (issue 13)
  'smtp.path-clean': {
    title: '{where} 的响应符合 {server} 的连接器应有的样子：路径上没有任何设备改写 SMTP',
    explanation: '横幅显示了该服务器的名称，其连接器提供的每个关键字都原样到达。',
  },
  'smtp.inspected': {
    title: '到 {where} 的路径上有设备在检查 SMTP：{signs}',
    explanation:
      '横幅被屏蔽或 EHLO 关键字被 X 字符覆盖，正是启用了 SMTP (ESMTP) 检查的防火墙的行为。Exchange 服务器之间需要 X-ANONYMOUSTLS、X-EXPS 和 GSSAPI 原样通过（KB 979175）；经过这样的设备时，它们无法启动 TLS 或进行身份验证，邮件会以 454 4.7.0 或 451 5.7.3 滞留在队列中。请对 Exchange 服务器之间的流量关闭 SMTP 检查，或放行这些命令。',
  },
  'smtp.keywords-differ': {
    title: '{where} 没有提供 {server} 的连接器应提供的内容：{missing}',
    explanation:
      '目录中显示此连接器提供的关键字没有全部到达，或者横幅显示的是另一台主机。自定义横幅或服务器尚未加载的连接器更改，看起来与删除关键字的设备一样；请与从发送服务器本身发出的 EHLO 进行比较。',
  },

  // Step 5: Kerberos logging
  'kerberos-log.unreadable': {
    title: '无法远程读取 {server} 的事件日志',
    explanation:
      '读取 LogLevel 和事件日志需要到该服务器的 PowerShell 远程处理 (WinRM) 以及该服务器上的管理权限。请改为在该服务器上运行下面的命令。',
  },
  'kerberos-log.needs-windows': {
    title: '{server} 上的 Kerberos 日志记录需要在 Windows 上检查',
    explanation:
      '只有在 LogLevel 为 1 时，Kerberos 错误才会写入系统日志。请在记录事件 1035 的服务器上启用它，重现故障（或等待下一次重试），读取事件，然后再将其关闭。',
  },
  'kerberos-log.event': {
    title: '{server} 记录了 {count} × {provider} {eventId}：{detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.exchange-auth-failed': {
    title: '{server} 记录了 {count} × {provider} {eventId}：{detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.clean': {
    title: '{server} 的系统日志中没有 Kerberos 错误',
    explanation:
      '在所读取的时间段内没有找到 Kerberos 客户端或 KDC 的错误事件。只有在 LogLevel 为 1 时，客户端的 Kerberos 错误才会写入该日志（如果读取了该值，证据中会显示）；完成后请再次关闭日志记录。',
  },
  'kerberos-log.off': {
    title: '{server} 上的 Kerberos 日志记录已关闭，因此其系统日志无法显示 Kerberos 错误',
    explanation:
      '没有找到 Kerberos 或 1035 事件，但未设置 LogLevel 时，Windows 不会记录客户端的 Kerberos 错误。请启用日志记录，等下一次投递尝试失败后再检查。',
  },
  'kerberos-log.enabled': {
    title: '已启用 Kerberos 日志记录',
    explanation: 'LogLevel = 1 立即生效；Kerberos 错误现在会写入系统日志。收集到事件后请将其关闭。',
  },
  'kerberos-log.disabled': {
    title: '已关闭 Kerberos 日志记录',
    explanation: '已删除 LogLevel。',
  },
  'kerberos-log.change-failed': {
    title: '无法对 Kerberos 日志记录执行“{action}”',
    explanation: '注册表值 LogLevel 未更改；命令的输出说明了原因。',
  },

  // Step 6: Receive connectors
  'connector.exchange-auth': {
    title: '{connector} 接受 Exchange Server 身份验证',
    explanation:
      '该连接器具有 ExchangeServer 机制，因此向它投递邮件的其他 Exchange 服务器可以使用 Kerberos 进行身份验证。',
  },
  'connector.no-exchange-auth': {
    title: '{connector} 不提供 Exchange Server 身份验证',
    explanation:
      '接收其他 Exchange 服务器邮件的连接器需要 ExchangeServer 机制：没有它，连接器就不提供 X-ANONYMOUSTLS 或 Exchange 身份验证，这些服务器无法进行身份验证，其邮件会以 454 4.7.0 滞留在队列中。',
  },
  'connector.relay-captures-exchange': {
    title: '{connector} 截获了来自 {senders} 的邮件，但没有 Exchange Server 身份验证',
    explanation:
      '此连接器的远程 IP 地址范围比默认连接器更精确地包含其他 Exchange 服务器的地址，因此 Exchange 会把它们的连接交给此连接器。没有 ExchangeServer 机制，它就不提供 X-ANONYMOUSTLS，发送方以 454 4.7.0 失败。请缩小其范围，或添加 Exchange Server 身份验证。',
  },
  'connector.none-internal': {
    title: '{server} 没有在端口 2525 或 25 上侦听的已启用接收连接器',
    explanation:
      '其他 Exchange 服务器会投递到集线器传输端口 (2525) 或端口 25；那里没有已启用的连接器时，它们根本无法投递。',
  },
  'connector.sender-not-covered': {
    title: '{server} 在端口 {port} 上没有接受 {senders} 的已启用连接器',
    explanation:
      '此端口上各连接器的远程 IP 地址范围没有包含这些 Exchange 服务器，因此它们的连接在身份验证之前就被拒绝。',
  },
  'connector.none-read': {
    title: '没有读取到 {server} 的接收连接器',
    explanation: '绑定帐户无法读取它们，或者对此服务器的发现失败。',
  },
  'connector.none': {
    title: '没有列出任何接收连接器',
    explanation: 'Get-ReceiveConnector 没有返回任何内容。',
  },
  'connector.sender-unresolved': {
    title: '不清楚 {server} 的哪个连接器接收来自 {sender} 的邮件',
    explanation: '需要发送服务器的地址，才能确定由哪个远程 IP 地址范围，也就是哪个连接器，接收其连接。',
  },
  'connector.probe-failed': {
    title: '{endpoint} 没有响应 EHLO',
    explanation:
      '从本机无法看到该连接器在线路上实际提供的内容；上面基于目录的结果仍然有效。步骤 4 会显示该端口是否可以访问。',
  },
  'connector.wire-agrees': {
    title: '{endpoint} {offers} X-ANONYMOUSTLS，与 {connector} 的配置一致',
    explanation: '该连接器在线路上提供的内容与目录中的 AuthMechanism 一致。',
  },
  'connector.wire-lacks-anonymoustls': {
    title: '{connector} 在 AD 中具有 Exchange Server 身份验证，但 {endpoint} 不提供 X-ANONYMOUSTLS',
    explanation:
      '只有当连接器能够进行 Exchange Server 身份验证时，Exchange 才会提供 X-ANONYMOUSTLS，这还需要一个适用于连接器 FQDN 的有效证书（没有证书时记录事件 12014）。否则，其他服务器会以 454 4.7.0 或 451 5.7.3 失败。尚未到达此服务器的目录更改看起来也是这样。',
  },
  'connector.wire-offers-anonymoustls': {
    title: '{endpoint} 提供了 X-ANONYMOUSTLS，但 {connector} 在 AD 中没有 Exchange Server 身份验证',
    explanation:
      '线路与目录不一致：可能是另一个连接器在响应本机，或者服务器尚未读取某个目录更改（它会定期重新加载连接器）。',
  },
  // Step 6, TLS and connector selection on the wire (issue 13)
  'tls.handshake': {
    title: '{where}：{verb}，然后 {protocol}；TLS 内的 X-EXPS：{mechanisms}',
    explanation: 'TLS 的启动方式与发送方 Exchange 服务器相同，TLS 内的关键字与目录所要求的一致。',
  },
  'tls.session-stalled': {
    title: '与 {where} 的 SMTP 会话在 {stage} 阶段停止',
    explanation:
      '接收方（或路径上的某个设备）在会话中途停止响应或拒绝，因此无法看出此端口上的 TLS 和 Exchange 身份验证是否正常。',
  },
  'tls.not-offered': {
    title: '{where} 既不提供 X-ANONYMOUSTLS 也不提供 STARTTLS，尽管 {connector} 应当提供',
    explanation:
      '发送方 Exchange 服务器在使用 Kerberos 进行身份验证之前会先启动 TLS (X-ANONYMOUSTLS)；没有 TLS 就无法进行身份验证，其邮件会滞留在队列中。当连接器没有 Exchange Server 身份验证或找不到可用证书时（事件 12014），Exchange 不提供 X-ANONYMOUSTLS。',
  },
  'tls.upgrade-refused': {
    title: '{where} 提供 {verb}，却又拒绝执行：{reply}',
    explanation:
      '接收方通告了 TLS，随后却拒绝启动。当连接器无法为其 FQDN 加载可用证书时（接收方上的事件 12014），Exchange 就会这样响应；发送服务器无法启动 TLS，因此无法进行身份验证，其邮件会滞留在队列中。请查找事件 12014，并在接收方上用 Get-ExchangeCertificate 检查证书。',
  },
  'tls.version-mismatch': {
    title: '与 {where} 没有共同的 TLS 版本：本方提供了 {offered}，{server} 支持 {receiverSpeaks}',
    explanation:
      '{verb} 之后，双方找不到都允许的协议版本。Exchange 服务器通过 SChannel 协商 TLS；如果一台服务器禁用了 TLS 1.2（或只启用了 TLS 1.2 及更高版本，而另一台仍只使用 TLS 1.0/1.1），X-ANONYMOUSTLS 就会失败，Exchange 身份验证根本不会开始。请在两台服务器上启用 TLS 1.2（SChannel Protocols 注册表项和 .NET 的 SchUseStrongCrypto），然后重新启动传输服务。',
  },
  'tls.handshake-failed': {
    title: '在 {verb} 之后与 {where} 的 TLS 握手失败',
    explanation: '接收方同意启动 TLS，但握手没有完成；平台给出的原因说明了为什么。',
  },
  'tls.exps-missing': {
    title: '{where} 在 TLS 内不提供 X-EXPS，尽管 {connector} 具有 Exchange 身份验证或集成身份验证',
    explanation:
      '在 X-ANONYMOUSTLS 之后，发送方 Exchange 服务器使用 X-EXPS（GSSAPI、EXCHANGEAUTH）进行身份验证。没有它就无法进行身份验证，发送方会报告 454 4.7.0 或 451 5.7.3。',
  },
  'tls.certificate-expired': {
    title: '{server} 在 {where} 上提供的传输证书：{detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.certificate-name': {
    title: '{server} 在 {where} 上提供的传输证书不适用于 {fqdn}：{detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.not-judged-inspected': {
    title: '无法判断 {where} 上的 TLS：路径上有设备在改写 SMTP',
    explanation: '横幅或 EHLO 关键字到达时已被屏蔽，因此接收方本身提供的内容被隐藏。步骤 4 列出了这些迹象。',
  },
  'connector.selection': {
    title: '每个发送方都会到达 {server} 上具有 Exchange Server 身份验证的连接器',
    explanation: `${SELECTION_RULE}表格针对发送方可能使用的每个源地址，列出胜出的连接器以及其他连接器落选的原因。胜出的连接器需要 Exchange Server 身份验证（配合 TLS）和 ExchangeServers 权限组。`,
  },
  'connector.selection-lacks-auth': {
    title: '{senders} 到达 {server} 上的 {connectors}，但没有 Exchange Server 身份验证',
    explanation: `${SELECTION_RULE}表格列出了每个地址胜出的连接器以及其他连接器落选的原因。这里胜出的连接器没有 Exchange Server 身份验证（连接器上的错误说明了这一点）；它需要该机制（配合 TLS）以及 ExchangeServers 权限组。`,
  },
  'connector.selection-tie': {
    title: '在 {port} 上，{sender}（{address}）同时被 {connectors} 中同样精确的范围包含',
    explanation:
      '当同一绑定上的两个连接器以大小相同的范围包含某个地址时，由哪个连接器接收连接并无文档说明；请把其中一个范围缩小，让选择由你决定。',
  },
  'connector.link-local-uncovered': {
    title: '{server} 在 {port} 上没有连接器接受其他服务器通过 IPv6 连接时使用的 IPv6 链路本地地址 (fe80::/10)',
    explanation: LINK_LOCAL_EXPLANATION,
  },
  'connector.link-local-partial': {
    title: '{server} 在 {port} 上没有连接器接受其他服务器通过 IPv6 连接时使用的全部 IPv6 链路本地地址 (fe80::/10)',
    explanation: LINK_LOCAL_EXPLANATION,
  },
};
