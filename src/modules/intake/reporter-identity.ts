import { open, seal } from '../../security/secret-box.ts';

/** A resident reporter's identity, kept encrypted as one JSON value. */
export interface ResidentIdentity {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export function sealResidentIdentity(key: Buffer, identity: ResidentIdentity): string {
  return seal(key, JSON.stringify({ name: identity.name, phone: identity.phone, email: identity.email }));
}

export function openResidentIdentity(key: Buffer, sealed: string): ResidentIdentity {
  const value = JSON.parse(open(key, sealed)) as ResidentIdentity;
  return { name: value.name, phone: value.phone, email: value.email };
}

/** How Veilig Thuis sees it: "name · phone · e-mail". */
export function describeResident(identity: ResidentIdentity): string {
  return [identity.name, identity.phone, identity.email].filter(Boolean).join(' · ');
}

/** Every part that identifies the resident, each to be masked on its own in household letters. */
export function residentParts(identity: ResidentIdentity): string[] {
  return [identity.name, ...identity.name.split(/\s+/), identity.phone ?? '', identity.email ?? ''].filter(
    Boolean,
  );
}
