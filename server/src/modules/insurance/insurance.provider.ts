// The insurer behind 零工保 as an adapter, like the payout and SMS adapters: INSURANCE_PROVIDER picks it. The
// mock stands in for the insurer in development and tests; it answers the same reference for the same
// engagement (a real insurer's idempotency key), so a retried job never enrols twice.
import { createHash } from "node:crypto";
import type { Config } from "../../config.js";

export interface EnrolRequest {
  engagementId: string;
  workerId: string;
  coverFrom: Date;
  coverTo: Date;
}

export interface InsuranceProvider {
  readonly name: string;
  /** Registers the engagement with the insurer; returns its policy reference. */
  enrol(request: EnrolRequest): Promise<{ policyRef: string }>;
}

export class MockInsuranceProvider implements InsuranceProvider {
  readonly name = "mock";
  readonly enrolled = new Map<string, string>();

  async enrol(request: EnrolRequest) {
    let policyRef = this.enrolled.get(request.engagementId);
    if (!policyRef) {
      policyRef = `MOCK-ZGB-${createHash("sha256").update(request.engagementId).digest("hex").slice(0, 16).toUpperCase()}`;
      this.enrolled.set(request.engagementId, policyRef);
    }
    return { policyRef };
  }
}

export function createInsuranceProvider(config: Pick<Config, "insuranceProvider">): InsuranceProvider {
  switch (config.insuranceProvider) {
    case "mock":
      return new MockInsuranceProvider();
  }
}
