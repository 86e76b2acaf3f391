// Setting a new passphrase with a recovery code, the same from "Add … to this session" (the other
// partner's session lends the shared key) and from the lock screen of a laptop that joined
// through sync (where the code opens both vaults).

import { api } from './api.js';
import { field, mustMatch, value } from './dom.js';

export function resetFields() {
  return [
    field({ id: 'reset-code', label: 'Recovery code', autocomplete: 'off', hint: '8 groups of 4 letters and digits. Case and dashes do not matter.' }),
    field({ id: 'reset-pass', label: 'New passphrase', type: 'password', autocomplete: 'new-password' }),
    field({ id: 'reset-confirm', label: 'Type it again', type: 'password', autocomplete: 'new-password' }),
  ];
}

// The new status; `partnerId` is null on a laptop that joined.
export async function resetWithCode(partnerId) {
  mustMatch('reset-pass', 'reset-confirm', "The two new passphrases don't match. Type them again.");
  return api.resetPassphrase(partnerId, value('reset-code'), value('reset-pass'));
}
