// 简体中文。执行的内部单元不出现在界面上：用户看到的是“步骤”。
import type { Messages } from './en'

const zhCN: Messages = {
  app: { title: 'GPU 节点交付平台', skipToContent: '跳到正文' },
  nav: { inventory: '资源', nodes: '节点', pools: '节点池', tenants: '租户', jobs: '作业', runs: '执行记录' },
  common: {
    search: '查询', reset: '重置', refresh: '刷新', any: '全部', yes: '是', no: '否', cancel: '取消',
    confirm: '确定', loading: '加载中…', empty: '暂无数据', details: '详情', back: '返回',
    createdAt: '创建时间', createdBy: '创建人', name: '名称', description: '描述', actions: '操作',
    loadFailed: '加载失败：{detail}',
  },
  language: { label: '语言', en: 'English', zhCN: '简体中文' },
  user: { menu: '用户菜单', signOut: '退出登录', role: '角色：{role}' },
  signIn: {
    title: '登录', username: '用户名', password: '密码', submit: '登录',
    required: '请输入用户名和密码', expired: '会话已过期，请重新登录后继续。',
  },
  lock: { locked: '已锁定', unlocked: '未锁定', by: '{who} 于 {when} 锁定', reason: '原因：{reason}' },
  nodes: {
    title: '节点', ip: 'IP', hostname: '主机名', gpuType: 'GPU 型号', gpuCount: 'GPU 数', pool: '节点池',
    tenant: '租户', labels: '标签', label: '标签', labelPlaceholder: '键=值', online: 'Agent',
    onlineYes: '在线', onlineNo: '离线', noAgent: '无 Agent', locked: '锁定', registeredAt: '注册时间',
    search: 'IP 或主机名', labelInvalid: '标签筛选请写成 键=值', total: '共 {n} 个节点',
  },
  node: {
    title: '节点 {ip}', facts: '节点信息', noFacts: 'Agent 尚未上报节点信息', labels: '标签',
    noLabels: '无标签', poolHistory: '节点池变更记录', from: '原节点池', to: '新节点池', movedAt: '时间',
    movedBy: '操作人', reason: '原因', sshPort: 'SSH 端口', sshUser: 'SSH 用户', nodeType: '节点类型',
    agentSeen: '最近上报：{when}', runs: '涉及此节点的执行记录',
  },
  pools: { title: '节点池', nodeCount: '节点数', spare: '备用节点池', showNodes: '查看节点' },
  tenants: { title: '租户', poolCount: '节点池数', showPools: '查看节点池' },
  jobs: {
    title: '作业', version: '版本', failurePolicy: '失败策略', STOP: '停止', CONTINUE: '继续',
    templates: '模板', targets: '目标', run: '执行', confirmTitle: '执行“{name}”？',
    confirmBody: '版本 {version} 将在以下目标上执行：', targetPool: '节点池 {name}',
    targetNode: '节点 {name}', lockedWarning: '有 {n} 个节点已锁定：解锁前执行会被拒绝',
    nodesInPool: '{n} 个节点', started: '执行记录 {id} 已开始', search: '作业名称',
  },
  runs: {
    title: '执行记录', id: '编号', job: '作业', status: '状态', executedBy: '执行人', queuedAt: '排队时间',
    startedAt: '开始时间', finishedAt: '结束时间', duration: '耗时', jobId: '作业 ID', allStatuses: '全部状态',
  },
  run: {
    title: '执行记录 {id}', jobVersion: '{job} v{version}', cancel: '取消执行', rerunFailed: '重跑失败节点',
    resume: '继续执行', cancelConfirm: '确定取消此次执行？已开始的步骤会被停止。',
    started: '执行记录 {id} 已开始', requested: '已提交', matrix: '节点与步骤', node: '节点',
    onlyFailed: '仅看失败节点', log: '日志', follow: '跟随', download: '下载日志', live: '实时',
    disconnected: '正在重新连接…', reports: '报告', noReports: '暂无收集到的报告', truncated: '文件过大，无法显示',
    cellTitle: '{node} · {step}：{status}', rc: '退出码', message: '信息', noSteps: '暂无步骤',
    logEmpty: '暂无输出',
    searchLog: '搜索已加载的日志', previousMatch: '上一个匹配', nextMatch: '下一个匹配',
    matchOf: '第 {n} / {total} 处', noMatch: '无匹配', loadEarlier: '加载更早的输出',
    tailOnly: '当前只显示日志末尾；完整日志请下载。', nodeOutput: '该节点在此步骤的输出',
  },
  status: {
    QUEUED: '排队中', RUNNING: '执行中', SUCCEEDED: '成功', FAILED: '失败', CANCELLED: '已取消',
    INTERRUPTED: '已中断', SKIPPED: '已跳过', UNREACHABLE: '不可达', PENDING: '等待中',
  },
  judgement: {
    title: 'NCCL 判定', PASS: '通过', FAIL: '未通过', UNKNOWN: '无法判定', node: '节点', verdict: '判定',
    busbw: '最大消息的 busbw', threshold: '合格线', gpus: 'GPU', reason: '原因',
    passCount: '{n} 个通过', failCount: '{n} 个未通过', unknownCount: '{n} 个无法判定',
    messageSize: '消息大小', busbwAxis: 'busbw (GB/s)', passLine: '合格线 {gbps} GB/s',
    chartLabel: '各节点按消息大小的总线带宽', chartFailed: '无法绘制图表：{detail}',
    byNode: '按节点', sideBySide: '并排对比', compareReport: '报告', compareNodes: '节点（最多 {max} 个）',
    compareNone: '请选择要对比的节点',
    thresholds: '合格线', thresholdsTitle: '各 GPU 型号的 NCCL 合格线',
    thresholdsHelp: '节点的 all_reduce_perf 在最大消息大小时的 busbw 达到匹配规则的合格线即为通过。当“型号关键词”中的每个词都是 GPU 型号中的词（例如 “H100 HBM3” 匹配 “NVIDIA H100 80GB HBM3”）且 GPU 数量相同（留空表示任意数量）时规则匹配；词更多的规则优先。',
    ruleName: '名称', modelMatch: '型号关键词', gpuCount: 'GPU 数量', minBusbw: '最低 busbw (GB/s)',
    minMessage: '最大消息至少 (GiB)', addRule: '添加合格线', remove: '删除', removeRule: '删除 {name}',
    save: '保存', fixFields: '请修正标出的字段',
  },
  errors: { notFound: '页面不存在', forbidden: '没有权限执行此操作：{detail}' },
}

export default zhCN
