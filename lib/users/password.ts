import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash to compare against when the user does not exist, so a wrong e-mail takes as long
// as a wrong password and response times do not reveal which accounts exist.
const DUMMY_HASH = "$2b$12$ZkdAGMTg0fheywo2NFf98uzkcY2mSiZtJt3nl4vewqjK.hjqr2iyK";

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return Boolean(hash) && ok;
}
