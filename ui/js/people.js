// Who is here, from a vault status.

export function unlockedNames(status) {
  return status.partners.filter((p) => p.unlocked).map((p) => p.name);
}

export function unlockedPartners(status) {
  return status.partners.filter((p) => p.unlocked);
}

// Those who could still join this session: locked, with a passphrase that opens this laptop.
export function lockedPartners(status) {
  return status.partners.filter((p) => !p.unlocked && p.canUnlockHere);
}

// Both partners unlocked at one screen: each private space stays closed until its owner opens it.
export function sittingTogether(status) {
  return unlockedPartners(status).length === 2;
}

export function partnerOf(status, id) {
  return status.partners.find((p) => p.id === id);
}

// The partner who is not `id`.
export function otherPartner(status, id) {
  return status.partners.find((p) => p.id !== id);
}

export function nameOf(status, id) {
  return partnerOf(status, id)?.name ?? '';
}
