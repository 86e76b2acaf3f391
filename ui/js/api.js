// The one door to the Rust side. Every command error arrives as { kind, message }; it becomes an
// Error whose message is already in plain words, with `kind` kept for branching.

const tauri = window.__TAURI__;

// Told of a damaged vault file, by whichever command or check found it: the vault has locked.
const damageHandlers = [];

async function call(command, args) {
  try {
    return await tauri.core.invoke(command, args);
  } catch (raw) {
    const error = new Error(raw?.message ?? 'Something went wrong inside Hearth. Try again.');
    error.kind = raw?.kind ?? 'internal';
    if (error.kind === 'vault_damaged') damageHandlers.forEach((handler) => handler(error.message));
    throw error;
  }
}

export function onVaultDamaged(handler) {
  damageHandlers.push(handler);
}
// The check that follows an unlock can find the damage while nobody runs a command.
tauri.event.listen('vault-damaged', (event) => damageHandlers.forEach((handler) => handler(event.payload)));

export const api = {
  status: () => call('vault_status'),
  setupCouple: (a, b) => call('setup_couple', { a, b }),
  unlock: (partner, passphrase) => call('unlock', { partner, passphrase }),
  addPartner: (partner, passphrase) => call('add_partner', { partner, passphrase }),
  openPrivate: (partner, passphrase) => call('open_private', { partner, passphrase }),
  closePrivate: (partner) => call('close_private', { partner }),
  leaveSession: (partner) => call('leave_session', { partner }),
  lock: () => call('lock'),
  changePassphrase: (partner, current, next, replaceKey = false) =>
    call('change_passphrase', { partner, current, new: next, replaceKey }),
  newRecoveryCode: (partner, passphrase) => call('new_recovery_code', { partner, passphrase }),
  resetPassphrase: (partner, recoveryCode, next) =>
    call('reset_passphrase', { partner, recoveryCode, new: next }),
  getSettings: () => call('get_settings'),
  setAutoLock: (minutes) => call('set_auto_lock', { minutes }),
  setLockOnClose: (on) => call('set_lock_on_close', { on }),
  noteActivity: () => call('note_activity'),
  aboutHearth: () => call('about_hearth'),
  firstScreenShown: () => call('first_screen_shown'),

  listPrompts: (filter) => call('list_prompts', { filter }),
  setFavourite: (id, on) => call('set_favourite', { id, on }),
  setHidden: (id, on) => call('set_hidden', { id, on }),
  addPrompt: (draft) => call('add_prompt', { draft }),
  updatePrompt: (id, draft) => call('update_prompt', { id, draft }),
  deletePrompt: (id) => call('delete_prompt', { id }),
  promptOfTheDay: () => call('prompt_of_the_day'),
  dealDateNight: (theme, level) => call('deal_date_night', { theme, level }),
  swapCard: (theme, level, hand, index) => call('swap_card', { theme, level, hand, index }),
  dealLoveMaps: () => call('deal_love_maps'),
  dealQuickChoices: () => call('deal_quick_choices'),
  saveLoveMap: (round) => call('save_love_map', { round }),
  listLoveMaps: () => call('list_love_maps'),
  stillTrueRound: () => call('still_true_round'),
  answerStillTrue: (id, changed) => call('answer_still_true', { id, changed }),
  listDateIdeas: (filter) => call('list_date_ideas', { filter }),
  planDate: (request) => call('plan_date', { request }),
  listDatePlans: () => call('list_date_plans'),
  rememberDate: (id, memory) => call('remember_date', { id, memory }),
  markDiscussed: (id) => call('mark_discussed', { id }),
  promptHistory: () => call('prompt_history'),
  saveAnswers: (promptId, firstPartner, firstAnswer, secondAnswer) =>
    call('save_answers', { promptId, firstPartner, firstAnswer, secondAnswer }),
  listAnswers: () => call('list_answers'),
  saveTogetherNote: (note, promptIds) => call('save_together_note', { note, promptIds }),
  listTogetherNotes: () => call('list_together_notes'),
  consentStatus: () => call('consent_status'),
  setConsent: (partner, optedIn) => call('set_consent', { partner, optedIn }),
  setSpice: (partner, spice) => call('set_spice', { partner, spice }),
  setResurfaceMonths: (months) => call('set_resurface_months', { months }),

  listReminders: () => call('list_reminders'),
  presetRule: (kind, startLocal) => call('preset_rule', { kind, startLocal }),
  previewReminder: (draft) => call('preview_reminder', { draft }),
  createReminder: (draft) => call('create_reminder', { draft }),
  updateReminder: (id, draft) => call('update_reminder', { id, draft }),
  deleteReminder: (id) => call('delete_reminder', { id }),
  keptThisMonth: () => call('kept_this_month'),
  recordTogetherTime: (id, occurrence, outcome) =>
    call('record_together_time', { id, occurrence, outcome }),
  recentTogetherTimes: () => call('recent_together_times'),
  getReminderPrefs: () => call('get_reminder_prefs'),
  setReminderPrefs: (prefs) => call('set_reminder_prefs', { prefs }),
  reminderStatus: () => call('reminder_status'),
  pauseRemindersToday: () => call('pause_reminders_today'),
  resumeReminders: () => call('resume_reminders'),
  snoozeReminders: (reminderIds, snooze) => call('snooze_reminders', { reminderIds, snooze }),
  exportIcs: () => call('export_ics'),
  listEntries: (filter, after) => call('list_entries', { filter, after }),
  getEntry: (space, id) => call('get_entry', { space, id }),
  createEntry: (space, author, draft) => call('create_entry', { space, author, draft }),
  updateEntry: (space, id, draft) => call('update_entry', { space, id, draft }),
  deleteEntry: (space, id, passphrase = null) => call('delete_entry', { space, id, passphrase }),
  undoDeleteEntry: (space, id) => call('undo_delete_entry', { space, id }),
  shareEntry: (owner, id, passphrase = null) => call('share_entry', { owner, id, passphrase }),
  searchEntries: (query) => call('search_entries', { query }),
  entryTags: () => call('entry_tags'),
  entryPrompts: () => call('entry_prompts'),
  addAppreciation: (author, body) => call('add_appreciation', { author, body }),
  listAppreciations: () => call('list_appreciations'),
  appreciationOfTheDay: () => call('appreciation_of_the_day'),
  exchangeState: () => call('exchange_state'),
  writeExchange: (author, did, meant) => call('write_exchange', { author, did, meant }),
  revealExchange: () => call('reveal_exchange'),
  careState: () => call('care_state'),
  answerCare: (partner, ratings) => call('answer_care', { partner, ratings }),
  careSuggestions: (whom) => call('care_suggestions', { whom }),
  recordStressTalk: (note) => call('record_stress_talk', { note }),
  homeSuggestion: () => call('home_suggestion'),
  listMilestones: () => call('list_milestones'),
  addMilestone: (space, draft) => call('add_milestone', { space, draft }),
  deleteMilestone: (space, id) => call('delete_milestone', { space, id }),
  remindMilestoneYearly: (space, id, time, zone) => call('remind_milestone_yearly', { space, id, time, zone }),
  listDreams: () => call('list_dreams'),
  addDream: (draft) => call('add_dream', { draft }),
  reachDream: (id, day, note) => call('reach_dream', { id, day, note }),
  reopenDream: (id) => call('reopen_dream', { id }),
  deleteDream: (id) => call('delete_dream', { id }),
  storyTimeline: () => call('story_timeline'),
  onThisDay: () => call('on_this_day'),
  nextTogetherTime: () => call('next_together_time'),
  checkinState: () => call('checkin_state'),
  answerCheckin: (partner, ratings, note) => call('answer_checkin', { partner, ratings, note }),
  checkinTrends: () => call('checkin_trends'),
  checkinDue: () => call('checkin_due'),
  reflectionTopics: () => call('reflection_topics'),
  saveReflection: (partner, enemy, body) => call('save_reflection', { partner, enemy, body }),
  saveAgreement: (agreement, dreams = null) => call('save_agreement', { agreement, dreams }),
  listAgreements: () => call('list_agreements'),
  listGestures: () => call('list_gestures'),
  backupVault: () => call('backup_vault'),
  restoreBackup: (passphrase, replace) => call('restore_backup', { passphrase, replace }),
  exportEntries: (partner, format, passphrase, ownerPassphrase = null) =>
    call('export_entries', { partner, format, passphrase, ownerPassphrase }),
  syncStatus: () => call('sync_status'),
  chooseSyncFolder: () => call('choose_sync_folder'),
  startSync: () => call('start_sync'),
  readPairing: (code) => call('read_pairing', { code }),
  joinSync: (code, partner, passphrase) => call('join_sync', { code, partner, passphrase }),
  syncNow: () => call('sync_now'),
  entryRevisions: () => call('entry_revisions'),
  forgetLaptop: (device) => call('forget_laptop', { device }),
  stopPairing: () => call('stop_pairing'),
  getAutostart: () => call('get_autostart'),
  setAutostart: (enabled) => call('set_autostart', { enabled }),
};

// Full screen for the together mode; a window that cannot go full screen still works.
export async function setFullscreen(on) {
  try {
    await tauri.window.getCurrentWindow().setFullscreen(on);
  } catch {
    // The page itself already fills the window.
  }
}

export function onAutoLock(handler) {
  return tauri.event.listen('vault-locked', handler);
}

// A notification or the tray asks for the reminders: { reminderIds } (empty for "just show them").
export function onOpenReminders(handler) {
  return tauri.event.listen('open-reminders', (event) => handler(event.payload));
}

// The tray paused or resumed the reminders. Heard while `signal` (a screen's) is live.
export function onRemindersChanged(signal, handler) {
  return listenWhile(signal, 'reminders-changed', handler);
}

// What the other laptop sent was written into the shared space. Heard while `signal` is live.
export function onSharedChanged(signal, handler) {
  return listenWhile(signal, 'shared-changed', handler);
}

async function listenWhile(signal, event, handler) {
  const unlisten = await tauri.event.listen(event, handler);
  if (signal.aborted) unlisten();
  else signal.addEventListener('abort', unlisten, { once: true });
}

// Closing the window hides Hearth to the tray; reminders keep coming.
export async function closeWindow() {
  try {
    await tauri.window.getCurrentWindow().close();
  } catch {
    // Nothing to close.
  }
}

export function onBackupProgress(handler) {
  return tauri.event.listen('backup-progress', (event) => handler(event.payload));
}

// Replacing a private space's key copies it; this reports how far: { done, total }.
export function onRekeyProgress(handler) {
  return tauri.event.listen('rekey-progress', (event) => handler(event.payload));
}
