import { describe, expect, it } from "vitest";
import { isTransactionConflict } from "./is-transaction-conflict";

describe("isTransactionConflict", () => {
  it("recognises deadlocks and serialization failures however they are wrapped", () => {
    expect(isTransactionConflict({ code: "P2034", message: "Transaction failed due to a write conflict or a deadlock" })).toBe(true);
    expect(isTransactionConflict(new Error("wrapped", { cause: { originalCode: "40P01", message: "deadlock detected" } }))).toBe(true);
    expect(isTransactionConflict({ code: "40001" })).toBe(true);
    expect(isTransactionConflict(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
  });
});
