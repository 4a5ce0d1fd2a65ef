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
    selected: '{n} selected', select: 'Select', import: 'Import nodes…',
  },
  node: {
    title: 'Node {ip}', facts: 'Facts', noFacts: 'No facts reported by an agent yet', labels: 'Labels',
    noLabels: 'No labels', poolHistory: 'Node pool history', from: 'From', to: 'To', movedAt: 'When',
    movedBy: 'By', reason: 'Reason', sshPort: 'SSH port', sshUser: 'SSH user', nodeType: 'Node type',
    agentSeen: 'Last heard from {when}', runs: 'Runs on this node', addLabel: 'Add', allRuns: 'All runs on this node',
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
    node: 'Node', from: 'From', to: 'To', dateRange: 'Started between', unknownTarget: 'The job or node in the link no longer exists', onlyThisJob: 'Only runs of this job',
  },
  run: {
    title: 'Run {id}', jobVersion: '{job} v{version}', cancel: 'Cancel run', rerunFailed: 'Re-run failed',
    resume: 'Resume', cancelConfirm: 'Cancel this run? Steps already started are stopped.',
    started: 'Run {id} started', requested: 'Requested', matrix: 'Nodes and steps', node: 'Node',
    onlyFailed: 'Only failed nodes', log: 'Log', follow: 'Follow', download: 'Download log', live: 'Live',
    disconnected: 'Reconnecting…', reports: 'Reports', noReports: 'No reports collected', truncated: 'Too large to show',
    cellTitle: '{node} · {step}: {status}', rc: 'Exit code', message: 'Message', noSteps: 'No steps yet',
    logEmpty: 'No output yet',
  },
  status: {
    QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed', CANCELLED: 'Cancelled',
    INTERRUPTED: 'Interrupted', SKIPPED: 'Skipped', UNREACHABLE: 'Unreachable', PENDING: 'Pending',
  },
  bulk: {
    move: 'Move to pool…', lock: 'Lock…', unlock: 'Unlock', addLabel: 'Add label…', removeLabel: 'Remove label…',
    moveTitle: 'Move {n} node(s) to a node pool', lockTitle: 'Lock {n} node(s)', unlockTitle: 'Unlock {n} node(s)',
    addLabelTitle: 'Add a label to {n} node(s)', removeLabelTitle: 'Remove a label from {n} node(s)',
    targets: '{n} node(s): {list}', reason: 'Reason', labelKey: 'Label key', unlockConfirm: 'Runs may target these nodes again once they are unlocked.',
    poolRequired: 'Choose the node pool to move the nodes into', reasonRequired: 'Say why the nodes are locked: others see the reason',
    labelInvalid: 'Write the label as key=value (letters, digits, _ . : -)', keyRequired: 'Choose the label key to remove',
    alreadyInPool: 'Already in this node pool', alreadyLocked: 'Already locked by {who}: {reason}', notLocked: 'Not locked',
    hasLabel: 'Already has this label', noSuchLabel: 'Has no such label', progress: '{done} of {total} done…',
    summary: '{done} done, {skipped} skipped, {failed} failed', node: 'Node', result: 'Result', why: 'Why',
    done: 'Done', skipped: 'Skipped', failed: 'Failed', close: 'Close',
  },
  importNodes: {
    title: 'Import nodes', paste: 'Nodes to import',
    hint: 'Paste CSV with a header line (ip is required; also hostname, sshPort, sshUser, nodeType, gpuType, gpuCount, nodePool, nodePoolId, labels as k=v;k2=v2), or one IP per line, optionally followed by a hostname. Nothing is imported unless every line is valid.',
    placeholder: 'ip,hostname,sshPort,gpuType,nodePool,labels\n10.0.0.11,gpu-11,22,H100,pool_a,rack=r1', defaultPool: 'Node pool for every line',
    poolFromFile: 'As written in the lines (or the spare pool)', summaryCsv: '{n} line(s) read as CSV, {bad} with problems',
    summaryList: '{n} line(s) read as a list of IPs, {bad} with problems', intoPool: 'into node pool {pool}', line: 'Line',
    problems: 'Problems', more: '{n} more line(s) not shown', submit: 'Import {n} node(s)', done: '{n} node(s) imported',
  },
  manage: { save: 'Save', edit: 'Edit', delete: 'Delete', create: 'Create', revoke: 'Revoke', copy: 'Copy', copied: 'Copied' },
  poolAdmin: {
    create: 'New node pool', createTitle: 'New node pool', editTitle: 'Edit node pool {name}', delete: 'Delete node pool',
    deleteConfirm: 'Delete node pool {name}? It must hold no nodes.', lockReason: 'Why lock node pool {name}? Runs cannot target it until it is unlocked.',
    failed: '{target}: {detail}', nameRequired: 'Enter a name', badLabels: 'Write labels as key=value: {labels}',
    noTenant: 'No tenant', allNodes: 'All {n} nodes…',
  },
  tenantAdmin: {
    create: 'New tenant', createTitle: 'New tenant', editTitle: 'Edit tenant {name}',
    deleteConfirm: 'Delete tenant {name}? It must own no node pools.',
  },
  errors: { notFound: 'This page does not exist', forbidden: 'You are not allowed to do this: {detail}' },
}

export default en
export type Messages = typeof en
