// Who is here, from a vault status.

export function unlockedNames(status) {
  return status.partners.filter((p) => p.unlocked).map((p) => p.name);
}

export function unlockedPartners(status) {
  return status.partners.filter((p) => p.unlocked);
}

export function lockedPartners(status) {
  return status.partners.filter((p) => !p.unlocked);
}
