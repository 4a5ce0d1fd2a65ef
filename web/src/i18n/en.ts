// English messages. The internal unit of execution is never named: users see steps.
const en = {
  app: { title: 'GPU node delivery', skipToContent: 'Skip to content' },
  nav: { inventory: 'Inventory', nodes: 'Nodes', pools: 'Node pools', tenants: 'Tenants', jobs: 'Jobs', runs: 'Runs' },
  common: {
    search: 'Search', reset: 'Reset', refresh: 'Refresh', any: 'Any', yes: 'Yes', no: 'No', cancel: 'Cancel',
    confirm: 'Confirm', loading: 'Loading…', empty: 'Nothing here yet', details: 'Details', back: 'Back',
    createdAt: 'Created', createdBy: 'Created by', name: 'Name', description: 'Description', actions: 'Actions',
    loadFailed: 'Could not load: {detail}',
  },
  language: { label: 'Language', en: 'English', zhCN: '简体中文' },
  user: { menu: 'User menu', signOut: 'Sign out', role: 'Role: {role}' },
  signIn: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in',
    required: 'Enter your username and password', expired: 'Your session has ended. Sign in again to continue.',
  },
  lock: { locked: 'Locked', unlocked: 'Unlocked', by: 'Locked by {who} at {when}', reason: 'Reason: {reason}' },
  nodes: {
    title: 'Nodes', ip: 'IP', hostname: 'Hostname', gpuType: 'GPU type', gpuCount: 'GPUs', pool: 'Node pool',
    tenant: 'Tenant', labels: 'Labels', label: 'Label', labelPlaceholder: 'key=value', online: 'Agent',
    onlineYes: 'Online', onlineNo: 'Offline', noAgent: 'No agent', locked: 'Lock', registeredAt: 'Registered',
    search: 'IP or hostname', labelInvalid: 'Write a label filter as key=value', total: '{n} nodes',
  },
  node: {
    title: 'Node {ip}', facts: 'Facts', noFacts: 'No facts reported by an agent yet', labels: 'Labels',
    noLabels: 'No labels', poolHistory: 'Node pool history', from: 'From', to: 'To', movedAt: 'When',
    movedBy: 'By', reason: 'Reason', sshPort: 'SSH port', sshUser: 'SSH user', nodeType: 'Node type',
    agentSeen: 'Last heard from {when}', runs: 'Runs on this node',
  },
  pools: { title: 'Node pools', nodeCount: 'Nodes', spare: 'Spare pool', showNodes: 'Show nodes' },
  tenants: { title: 'Tenants', poolCount: 'Node pools', showPools: 'Show node pools' },
  jobs: {
    title: 'Jobs', version: 'Version', failurePolicy: 'On failure', STOP: 'Stop', CONTINUE: 'Continue',
    templates: 'Templates', targets: 'Targets', run: 'Run', confirmTitle: 'Run “{name}”?',
    confirmBody: 'Version {version} runs on these targets:', targetPool: 'Node pool {name}',
    targetNode: 'Node {name}', lockedWarning: '{n} locked node(s): the run will be refused until they are unlocked',
    nodesInPool: '{n} node(s)', started: 'Run {id} started', search: 'Job name',
  },
  runs: {
    title: 'Runs', id: 'Run', job: 'Job', status: 'Status', executedBy: 'Started by', queuedAt: 'Queued',
    startedAt: 'Started', finishedAt: 'Finished', duration: 'Duration', jobId: 'Job ID', allStatuses: 'All statuses',
  },
  run: {
    title: 'Run {id}', jobVersion: '{job} v{version}', cancel: 'Cancel run', rerunFailed: 'Re-run failed',
    resume: 'Resume', cancelConfirm: 'Cancel this run? Steps already started are stopped.',
    started: 'Run {id} started', requested: 'Requested', matrix: 'Nodes and steps', node: 'Node',
    onlyFailed: 'Only failed nodes', log: 'Log', follow: 'Follow', download: 'Download log', live: 'Live',
    disconnected: 'Reconnecting…', reports: 'Reports', noReports: 'No reports collected', truncated: 'Too large to show',
    cellTitle: '{node} · {step}: {status}', rc: 'Exit code', message: 'Message', noSteps: 'No steps yet',
    logEmpty: 'No output yet',
    searchLog: 'Search the loaded log', previousMatch: 'Previous match', nextMatch: 'Next match',
    matchOf: '{n} of {total}', noMatch: 'No match', loadEarlier: 'Load earlier output',
    tailOnly: 'Showing the end of the log; download it for the whole.', nodeOutput: "This node's output for this step",
  },
  status: {
    QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed', CANCELLED: 'Cancelled',
    INTERRUPTED: 'Interrupted', SKIPPED: 'Skipped', UNREACHABLE: 'Unreachable', PENDING: 'Pending',
  },
  judgement: {
    title: 'NCCL judgement', PASS: 'PASS', FAIL: 'FAIL', UNKNOWN: 'UNKNOWN', node: 'Node', verdict: 'Verdict',
    busbw: 'busbw at largest size', threshold: 'Pass line', gpus: 'GPUs', reason: 'Why',
    passCount: '{n} passed', failCount: '{n} failed', unknownCount: '{n} not judged',
    messageSize: 'Message size', busbwAxis: 'busbw (GB/s)', passLine: 'pass line {gbps} GB/s',
    chartLabel: 'Bus bandwidth by message size for each node', chartFailed: 'The chart could not be drawn: {detail}',
    byNode: 'By node', sideBySide: 'Side by side', compareReport: 'Report', compareNodes: 'Nodes (up to {max})',
    compareNone: 'Choose the nodes to compare',
    thresholds: 'Pass lines', thresholdsTitle: 'NCCL pass lines per GPU model',
    thresholdsHelp: 'A node passes when its all_reduce_perf busbw at the largest message size reaches the pass line of the matching rule. A rule matches when every word of “Model words” is a word of the GPU model (e.g. “H100 HBM3” matches “NVIDIA H100 80GB HBM3”) and the GPU count is equal (empty: any count); the rule with more words wins.',
    ruleName: 'Name', modelMatch: 'Model words', gpuCount: 'GPU count', minBusbw: 'Min busbw (GB/s)',
    minMessage: 'Min largest size (GiB)', addRule: 'Add a pass line', remove: 'Remove', removeRule: 'Remove {name}',
    save: 'Save', fixFields: 'Fix the marked fields',
  },
  errors: { notFound: 'This page does not exist', forbidden: 'You are not allowed to do this: {detail}' },
}

export default en
export type Messages = typeof en
