/** Shape checks for identifiers carried in events; the full rules (check characters, code tables) live in @gec/domain. */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
export const INDUSTRY_CODE_PATTERN = /^[A-T]\d{2,4}$/;
export const INDUSTRY_DIVISION_PATTERN = /^[A-T]\d{2}$/;
export const REGION_CODE_PATTERN = /^\d{6}$/;
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
