import { positionalArgs, type OperatorTable } from '../operators/spec.js';
import { eager } from './eager.js';

const EARTH_RADIUS_KM = 6371.0088;

function coordinates(value: unknown): [lat: number, lng: number] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const point = value as Record<string, unknown>;
  const lat = point['lat'] ?? point['latitude'];
  const lng = point['lng'] ?? point['lon'] ?? point['longitude'];
  if (typeof lat !== 'number' || typeof lng !== 'number') return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return [lat, lng];
}

/** Great-circle (haversine) distance in kilometres between two `{lat, lng}` points. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Geo operators (S16: a visit photo more than 5 km from the customer's address). */
export const geoOperators: OperatorTable = {
  distance_km: {
    arity: [2, 2],
    build: eager(([from, to]) => {
      const a = coordinates(from);
      const b = coordinates(to);
      return a && b ? distanceKm(a, b) : null;
    }),
    check: positionalArgs([['object'], ['object']], 'number'),
  },
};
