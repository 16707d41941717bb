/** What metrics keeps of a registered enterprise: enough to place its figures in an industry and a region. */
export interface Enterprise {
  uscc: string;
  industryCode: string;
  industryDivision: string;
  regionCode: string;
}
