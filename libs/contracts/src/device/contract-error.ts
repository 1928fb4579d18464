/** Thrown when our own code builds a message that breaks the contract (a bug, not bad input). */
export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}
