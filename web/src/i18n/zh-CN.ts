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
    selected: '已选 {n} 个', select: '选择', import: '导入节点…', selectAll: '选择全部 {n} 个符合条件的节点', onlyThisPage: '仅本页',
  },
  node: {
    title: '节点 {ip}', facts: '节点信息', noFacts: 'Agent 尚未上报节点信息', labels: '标签',
    noLabels: '无标签', poolHistory: '节点池变更记录', from: '原节点池', to: '新节点池', movedAt: '时间',
    movedBy: '操作人', reason: '原因', sshPort: 'SSH 端口', sshUser: 'SSH 用户', nodeType: '节点类型',
    agentSeen: '最近上报：{when}', runs: '涉及此节点的执行记录', addLabel: '添加', allRuns: '此节点的全部执行记录',
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
    node: '节点', from: '开始于', to: '截止于', dateRange: '开始时间范围', unknownTarget: '链接中的作业或节点已不存在', onlyThisJob: '只看此作业的执行记录',
  },
  run: {
    title: '执行记录 {id}', jobVersion: '{job} v{version}', cancel: '取消执行', rerunFailed: '重跑失败节点',
    resume: '继续执行', cancelConfirm: '确定取消此次执行？已开始的步骤会被停止。',
    started: '执行记录 {id} 已开始', requested: '已提交', matrix: '节点与步骤', node: '节点',
    onlyFailed: '仅看失败节点', log: '日志', follow: '跟随', download: '下载日志', live: '实时',
    disconnected: '正在重新连接…', reports: '报告', noReports: '暂无收集到的报告', truncated: '文件过大，无法显示',
    cellTitle: '{node} · {step}：{status}', rc: '退出码', message: '信息', noSteps: '暂无步骤',
    logEmpty: '暂无输出',
  },
  status: {
    QUEUED: '排队中', RUNNING: '执行中', SUCCEEDED: '成功', FAILED: '失败', CANCELLED: '已取消',
    INTERRUPTED: '已中断', SKIPPED: '已跳过', UNREACHABLE: '不可达', PENDING: '等待中',
  },
  bulk: {
    move: '移动到节点池…', lock: '锁定…', unlock: '解锁', addLabel: '添加标签…', removeLabel: '移除标签…',
    moveTitle: '将 {n} 个节点移动到节点池', lockTitle: '锁定 {n} 个节点', unlockTitle: '解锁 {n} 个节点',
    addLabelTitle: '为 {n} 个节点添加标签', removeLabelTitle: '从 {n} 个节点移除标签',
    targets: '{n} 个节点：{list}', reason: '原因', labelKey: '标签键', unlockConfirm: '解锁后，作业可以再次在这些节点上执行。',
    poolRequired: '请选择要移入的节点池', reasonRequired: '请填写锁定原因，其他人会看到',
    labelInvalid: '标签请写成 键=值（字母、数字、_ . : -）', keyRequired: '请选择要移除的标签键',
    alreadyInPool: '已在该节点池中', alreadyLocked: '已被 {who} 锁定：{reason}', notLocked: '未锁定',
    hasLabel: '已有此标签', noSuchLabel: '没有此标签', progress: '已完成 {done} / {total}…',
    summary: '成功 {done} 个，跳过 {skipped} 个，失败 {failed} 个', node: '节点', result: '结果', why: '原因',
    done: '成功', skipped: '已跳过', failed: '失败', close: '关闭', more: '另有 {n} 个节点已完成，未列出',
  },
  importNodes: {
    title: '导入节点', paste: '要导入的节点',
    hint: '粘贴带表头的 CSV（必须有 ip 列；可选 hostname、sshPort、sshUser、nodeType、gpuType、gpuCount、nodePool、nodePoolId、labels，标签写成 k=v;k2=v2），或每行一个 IP，后面可跟主机名。只要有一行不合法，就不会导入任何节点。',
    placeholder: 'ip,hostname,sshPort,gpuType,nodePool,labels\n10.0.0.11,gpu-11,22,H100,pool_a,rack=r1', defaultPool: '所有行使用的节点池',
    poolFromFile: '按各行填写（未填则进入备用节点池）', summaryCsv: '按 CSV 读取 {n} 行，其中 {bad} 行有问题',
    summaryList: '按 IP 列表读取 {n} 行，其中 {bad} 行有问题', intoPool: '导入到节点池 {pool}', line: '行号',
    problems: '问题', more: '还有 {n} 行未显示', submit: '导入 {n} 个节点', done: '已导入 {n} 个节点',
  },
  manage: { save: '保存', edit: '编辑', delete: '删除', create: '新建', revoke: '吊销', copy: '复制', copied: '已复制' },
  poolAdmin: {
    create: '新建节点池', createTitle: '新建节点池', editTitle: '编辑节点池 {name}', delete: '删除节点池',
    deleteConfirm: '删除节点池 {name}？节点池中必须没有节点。', lockReason: '锁定节点池 {name} 的原因？解锁前作业不能以它为目标。',
    failed: '{target}：{detail}', nameRequired: '请输入名称', badLabels: '标签请写成 键=值：{labels}',
    noTenant: '无租户', tenantRequired: '请选择节点池所属的租户', allNodes: '全部 {n} 个节点…',
  },
  tenantAdmin: {
    create: '新建租户', createTitle: '新建租户', editTitle: '编辑租户 {name}',
    deleteConfirm: '删除租户 {name}？租户下必须没有节点池。',
  },
  admin: {
    nav: '系统管理', users: '用户与角色', apiTokens: 'API 令牌', enrolmentTokens: 'Agent 注册令牌', audit: '审计日志',
    shownOnce: '请立即复制：令牌只显示这一次，之后无法再查看。', secret: '新令牌',
  },
  users: {
    title: '用户与角色', create: '新建用户', editTitle: '编辑用户 {name}', passwordTitle: '为 {name} 设置新密码',
    displayName: '显示名', role: '角色', enabled: '启用', active: '已启用', disabled: '已停用', enable: '启用',
    disable: '停用', resetPassword: '重置密码', deleteConfirm: '删除用户 {name}？其 API 令牌将失效。',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码',
    roles: { ADMIN: '管理员', OPERATOR: '操作员', VIEWER: '只读用户' },
  },
  tokens: {
    title: 'API 令牌', hint: '脚本和命令行以 “Authorization: Bearer …” 发送令牌；令牌拥有其所有者的角色。',
    create: '新建 API 令牌', owner: '所有者', prefix: '前缀', expiresAt: '过期时间', never: '永不过期', lastUsedAt: '最近使用',
    revokedAt: '已于 {when} 吊销', revokeConfirm: '吊销 API 令牌 {name}？使用它的脚本将立即失效。',
    nameRequired: '请按用途为令牌命名', expiresInDays: '有效期（天）',
  },
  enrolment: {
    title: 'Agent 注册令牌', hint: '节点上的 Agent 使用此令牌注册一次，之后获得自己的凭据。',
    create: '新建注册令牌', showAll: '同时显示已过期和已吊销的令牌', pool: '目标节点池', anyPool: '备用节点池',
    uses: '已使用', state: '状态', live: '可用', expired: '已过期', usedUp: '次数已用完', revoked: '已被 {who} 吊销',
    revokeConfirm: '吊销注册令牌 {prefix}…？尚未注册的 Agent 将无法再使用它。',
    expiresInMinutes: '有效期（分钟）', maxUses: '最多注册 Agent 数', useIt: '在每个节点上这样启动 Agent：',
  },
  audit: {
    title: '审计日志', actor: '操作人', entityType: '对象类型', entityTypeHint: '对象类型，如 node', action: '操作',
    actionHint: '操作，如 node.locked', when: '时间', entity: '对象', summary: '摘要', before: '变更前', after: '变更后',
    changed: '变更字段：{keys}', show: '变更前后',
  },
  errors: { notFound: '页面不存在', forbidden: '没有权限执行此操作：{detail}' },
}

export default zhCN
