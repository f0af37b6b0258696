// The 13 county-level areas of Quanzhou (泉州市) the platform covers: 11 administrative divisions
// with GB/T 2260 codes, plus two functional zones.

/** A WGS-84 point. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** One county-level area: its code, Chinese name and the approximate centre of its urban seat. */
export interface QuanzhouRegion {
  code: string;
  name: string;
  centre: LatLng;
}

/** Quanzhou's 13 county-level areas in the plan's order (districts, county-level cities, counties, zones). */
export const QUANZHOU_REGIONS = [
  { code: "350502", name: "鲤城区", centre: { lat: 24.908, lng: 118.587 } },
  { code: "350503", name: "丰泽区", centre: { lat: 24.896, lng: 118.613 } },
  { code: "350504", name: "洛江区", centre: { lat: 24.94, lng: 118.671 } },
  { code: "350505", name: "泉港区", centre: { lat: 25.126, lng: 118.916 } },
  { code: "350581", name: "石狮市", centre: { lat: 24.732, lng: 118.648 } },
  { code: "350582", name: "晋江市", centre: { lat: 24.781, lng: 118.552 } },
  { code: "350583", name: "南安市", centre: { lat: 24.96, lng: 118.386 } },
  { code: "350521", name: "惠安县", centre: { lat: 25.031, lng: 118.797 } },
  { code: "350524", name: "安溪县", centre: { lat: 25.056, lng: 118.186 } },
  { code: "350525", name: "永春县", centre: { lat: 25.322, lng: 118.294 } },
  { code: "350526", name: "德化县", centre: { lat: 25.492, lng: 118.241 } },
  // 泉州经济技术开发区 and 泉州台商投资区 are functional zones with no GB/T 2260 code;
  // the platform assigns 350571 and 350572 so that every area has a six-digit code.
  { code: "350571", name: "泉州开发区", centre: { lat: 24.872, lng: 118.637 } },
  { code: "350572", name: "泉州台商投资区", centre: { lat: 24.99, lng: 118.76 } },
] as const satisfies readonly QuanzhouRegion[];

/** The six-digit code of one of the 13 areas. */
export type QuanzhouRegionCode = (typeof QUANZHOU_REGIONS)[number]["code"];

const BY_CODE: ReadonlyMap<string, QuanzhouRegion> = new Map(QUANZHOU_REGIONS.map((r) => [r.code, r]));

/** The area with this code, or undefined when the code is not one of the 13. */
export function regionByCode(code: string): QuanzhouRegion | undefined {
  return BY_CODE.get(code);
}
