/** Command ids, as declared in package.json `contributes.commands`. */
export const COMMAND_IDS = {
  openInEditor: 'releasePlan.openInEditor',
  refresh: 'releasePlan.refresh',
  createPlan: 'releasePlan.createPlan',
  showProblems: 'releasePlan.showProblems',
  runGonogo: 'releasePlan.runGonogo',
  startRehearsal: 'releasePlan.startRehearsal',
  stopRehearsal: 'releasePlan.stopRehearsal',
  dailyCheckin: 'releasePlan.dailyCheckin',
  addTask: 'releasePlan.addTask',
  assignOwner: 'releasePlan.assignOwner',
  setStatus: 'releasePlan.setStatus',
  parkTask: 'releasePlan.parkTask',
  markTold: 'releasePlan.markTold',
  markShipped: 'releasePlan.markShipped',
  closeAndStartNext: 'releasePlan.closeAndStartNext',
  startReview: 'releasePlan.startReview',
  filterByOwner: 'releasePlan.filterByOwner',
  clearFilter: 'releasePlan.clearFilter',
  openDashboard: 'releasePlan.openDashboard',
  showHistory: 'releasePlan.showHistory',
  focusView: 'releasePlan.tree.focus',
} as const;

export const VIEW_ID = 'releasePlan.tree';
