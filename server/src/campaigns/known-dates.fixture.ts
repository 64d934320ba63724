// Published autumn-equinox dates in Beijing time (中国农民丰收节), checked
// against the almanac; shared by the date and the catalogue tests.
export const knownAutumnEquinoxes: [number, string][] = [
  [2018, '2018-09-23'],
  [2019, '2019-09-23'],
  [2020, '2020-09-22'],
  [2021, '2021-09-23'],
  [2022, '2022-09-23'],
  [2023, '2023-09-23'],
  [2024, '2024-09-22'],
  [2025, '2025-09-23'],
];
