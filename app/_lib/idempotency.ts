/**
 * A random key per attempt (checkout, payment, new order): the server makes one order or one
 * payment per key, so a double click or a retried request never counts twice. getRandomValues
 * works outside secure contexts too, where crypto.randomUUID does not exist.
 */
export function newAttemptKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
