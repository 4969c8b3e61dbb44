export { deliveryPlugin as default } from './plugin';
export { parseSloDocuments } from './slo/definitions/parseSloDocuments';
export type { ParsedSlos } from './slo/definitions/parseSloDocuments';
