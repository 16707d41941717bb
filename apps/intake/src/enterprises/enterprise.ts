/** An enterprise as intake knows it; the id is its unified social credit code. */
export interface Enterprise {
  uscc: string;
  name: string;
  industryCode: string;
  industryDivision: string;
  regionCode: string;
  registeredAt: string;
}
